#include "FlowService.h"

#include "Crypto.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "EventLog.h"
#include "KanaName.h"
#include "LockStore.h"
#include "RateLimiter.h"
#include "TokyoTime.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFlow, "tc.backend.flow")

namespace tc::backend {

struct FlowService::FlowRow
{
    QString id;
    QString institutionId;
    qint64 clientAppId = 0;
    QString clientName;
    QString redirectUri;
    QString state;
    QString codeChallenge;
    QString scope;
    QString step;
    qint64 accountId = 0; // 0: not chosen yet
    QString email;
    QString destinationNumber;
    qint64 callDeadline = 0;
    qint64 callVerifiedAt = 0;
    // Read with the flow, in the same statement: the institution's lock thresholds, and whether
    // one of its announced maintenance windows covers the step's moment.
    LockThresholds thresholds;
    bool inAnnouncedMaintenance = false;
    QVariantList extra; // the step's ExtraColumns, in their order
};

// Attempt rows are the history staff read; one per step call, whatever its outcome.
struct FlowService::AttemptRecord
{
    QString institutionId;
    qint64 accountId = 0;
    QString flowId;
    qint64 clientAppId = 0;
    QString step;
    QString outcome; // success, failure (counts toward a lock), refused, cancelled
    QString code; // catalog code, empty on success
    QString sourceAddress;
    QString nameKana; // only on the customer step: the operation log the seeds describe
};

namespace {

Error codeError(QLatin1StringView code)
{
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(QString(code));
    return Error {QString(code), entry ? entry->customerMessage : QString(code)};
}

QString digitsOnly(const QString &text)
{
    QString digits;
    for (QChar c : text.normalized(QString::NormalizationForm_KC)) {
        if (c.isDigit())
            digits.append(c);
        else if (c != u'-' && !c.isSpace())
            return {}; // anything else is not a phone number
    }
    return digits;
}

bool isDigits(const QString &text, int length)
{
    if (text.size() != length)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// Writes the attempt row and its live event after the `before` statements (the step's change to
// its flow), all in one round trip on PostgreSQL.
Status recordAttempt(const QSqlDatabase &db, const FlowService::AttemptRecord &a, qint64 nowMs,
                     const QList<BoundSql> &before = {})
{
    static const QString insert =
        u"INSERT INTO attempts (institution_id, account_id, flow_id, client_app_id, at, step, "
        "outcome, code, source_address, name_kana) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    const BoundSql attempt {
        insert,
        {a.institutionId,
         a.accountId ? QVariant(a.accountId) : QVariant(QMetaType::fromType<qint64>()),
         a.flowId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(a.flowId),
         a.clientAppId ? QVariant(a.clientAppId) : QVariant(QMetaType::fromType<qint64>()), nowMs,
         a.step, a.outcome,
         a.code.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(a.code),
         a.sourceAddress,
         a.nameKana.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(a.nameKana)}};
    return events::publishWith(db, before + QList<BoundSql> {attempt},
                               events::attemptEvent(a.institutionId, a.accountId, a.clientAppId,
                                                    a.step, a.outcome, a.code, nowMs));
}

BoundSql stepChange(const QString &flowId, QLatin1StringView step, qint64 nowMs)
{
    return {u"UPDATE flows SET step = ?, updated_at = ? WHERE id = ?"_s,
            {QString(step), nowMs, flowId}};
}

// `kind`: what is counted ("address", "app"), for the log; the key itself stays out of it.
Error rateLimited(const QString &kind)
{
    qCInfo(lcFlow) << "rate limit reached for" << kind;
    return codeError(codes::TooManyRequests);
}

QString addressRateKey(const RequestOrigin &origin)
{
    return u"address:"_s + origin.sourceAddress;
}

} // namespace

// The customer step reads the identity lock of the flow's account and the customer's registered
// name, birth date and phone with its flow.
FlowService::ExtraColumns FlowService::customerStepReads(QDate tokyoDay)
{
    static const QString sql =
        LockStore::lockedExists(u"f.account_id"_s) + u", fc.name_kana, fc.birth_date, fc.phone"_s;
    return {sql, 4, LockStore::lockedValues(LockKind::Identity, tokyoDay),
            u"LEFT JOIN accounts fa ON fa.id = f.account_id "
            "LEFT JOIN customers fc ON fc.id = fa.customer_id"_s};
}

// The PIN step reads the PIN lock of the flow's account and its PIN's digest with its flow.
FlowService::ExtraColumns FlowService::pinStepReads(QDate tokyoDay)
{
    static const QString sql = LockStore::lockedExists(u"f.account_id"_s) + u", fa.pin_hmac"_s;
    return {sql, 2, LockStore::lockedValues(LockKind::Pin, tokyoDay),
            u"LEFT JOIN accounts fa ON fa.id = f.account_id"_s};
}

namespace {

QString withQuery(const QString &uri, const QList<std::pair<QString, QString>> &items)
{
    QUrl url(uri);
    QUrlQuery query(url);
    for (const auto &[key, value] : items)
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

// What every step of a flow shares inside its transaction: the flow, the moment, and the
// attempt row that the step's outcome is written to.
struct FlowService::StepContext
{
    QSqlDatabase &db;
    const FlowRow &flow;
    QDateTime now;
    qint64 nowMs = 0;
    AttemptRecord attempt;

    // Writes the step's change to its flow (`flowChange`, when it has one) and its attempt row.
    Status record(QLatin1StringView code, const QString &outcome = u"refused"_s,
                  const QList<BoundSql> &flowChange = {})
    {
        attempt.outcome = outcome;
        attempt.code = QString(code);
        if (Status logged = recordAttempt(db, attempt, nowMs, flowChange); !logged)
            return codeError(codes::SystemError);
        return Success {};
    }
    // Logs the attempt and answers its code (A03 when even the log fails).
    Error answer(QLatin1StringView code, const QString &outcome = u"refused"_s,
                 const QList<BoundSql> &flowChange = {})
    {
        if (Status logged = record(code, outcome, flowChange); !logged)
            return logged.error();
        return codeError(code);
    }
    Status succeed(const BoundSql &flowChange) { return record({}, u"success"_s, {flowChange}); }
};

template<typename T>
Result<T> FlowService::runStep(const QString &flowId, QLatin1StringView expectedStep,
                               const RequestOrigin &origin, RateLimit rateLimit,
                               ExtraReads extraReads,
                               const std::function<Result<T>(StepContext &)> &work)
{
    const QDateTime now = m_clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const ExtraColumns extra = extraReads ? extraReads(tokyoDate(now)) : ExtraColumns {};
    return m_database.transaction<T>([&](QSqlDatabase &db) -> Result<T> {
        // PostgreSQL counts the call in the flow's statement (a WITH entry); SQLite has no
        // data-modifying WITH, and its statements cost no round trip anyway.
        std::optional<BoundSql> rateCount;
        if (rateLimit == RateLimit::PerAddress) {
            if (m_database.isPostgreSql()) {
                rateCount = addressRateCount(origin, nowMs);
                if (Status swept = RateLimiter::sweepNowAndThen(db, nowMs); !swept)
                    return codeError(codes::SystemError);
            } else if (Status limited = checkAddressRate(db, origin, nowMs); !limited) {
                return limited.error();
            }
        }
        const Result<FlowRow> flow = loadFlow(db, flowId, now, extra, rateCount);
        if (!flow)
            return flow.error();
        // As checkOpen(), without reading the announced maintenance again: loadFlow did.
        if (flow->inAnnouncedMaintenance || !m_sharedWindows.isOpen(now))
            return codeError(codes::OutsideServiceHours);
        if (flow->step != expectedStep)
            return codeError(codes::StepOutOfOrder);
        StepContext step {db,
                          flow.value(),
                          now,
                          nowMs,
                          {.institutionId = flow->institutionId,
                           .accountId = flow->accountId,
                           .flowId = flowId,
                           .clientAppId = flow->clientAppId,
                           .step = QString(expectedStep),
                           .sourceAddress = origin.sourceAddress}};
        return work(step);
    });
}

FlowService::FlowService(Database &database, const Clock &clock, QByteArray pinKey,
                         FlowSettings settings)
    : m_database(database), m_clock(clock), m_pinKey(std::move(pinKey)), m_settings(settings),
      m_sharedWindows(m_settings.calendar)
{ }

QByteArray FlowService::pinDigest(qint64 accountId, const QString &pin) const
{
    return crypto::hmacSha256(m_pinKey, QByteArray::number(accountId) + ':' + pin.toUtf8());
}

Result<ServiceCalendar> FlowService::calendarFor(const QString &institutionId) const
{
    ServiceCalendarConfig config = m_settings.calendar;
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    auto query =
        runQuery(m_database.connection(),
                 u"SELECT starts_at, ends_at, note FROM announced_maintenance "
                 "WHERE institution_id = ? AND ends_at > ? ORDER BY starts_at"_s,
                 {institutionId, now - 7LL * 24 * 3600 * 1000}, u"read announced maintenance"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    while (q.next()) {
        config.announced.append({QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC),
                                 QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC),
                                 q.value(2).toString()});
    }
    return ServiceCalendar(config);
}

Status FlowService::checkOpen(const QString &institutionId, const QDateTime &now)
{
    const Result<ServiceCalendar> calendar = calendarFor(institutionId);
    if (!calendar)
        return codeError(codes::SystemError);
    if (!calendar->isOpen(now))
        return codeError(codes::OutsideServiceHours);
    return Success {};
}

Status FlowService::checkRate(QSqlDatabase &db, const QString &key, int limitPerMinute,
                              qint64 nowMs)
{
    const Result<bool> allowed = RateLimiter::allow(db, key, 60, limitPerMinute, nowMs);
    if (!allowed)
        return codeError(codes::SystemError);
    if (!allowed.value())
        return rateLimited(key.section(u':', 0, 0));
    return Success {};
}

Status FlowService::checkAddressRate(QSqlDatabase &db, const RequestOrigin &origin, qint64 nowMs)
{
    return checkRate(db, addressRateKey(origin), m_settings.callsPerAddressPerMinute, nowMs);
}

BoundSql FlowService::addressRateCount(const RequestOrigin &origin, qint64 nowMs) const
{
    return RateLimiter::countStatement(addressRateKey(origin), 60,
                                       m_settings.callsPerAddressPerMinute, nowMs);
}

Result<FlowService::FlowRow> FlowService::loadFlow(QSqlDatabase &db, const QString &flowId,
                                                   const QDateTime &now, const ExtraColumns &extra,
                                                   const std::optional<BoundSql> &addressCount)
{
    static const QString columns =
        u"f.id, f.institution_id, f.client_app_id, c.name, f.redirect_uri, "
        "f.state, f.code_challenge, f.scope, f.step, f.account_id, f.email, "
        "f.destination_number, f.call_deadline, f.call_verified_at, f.expires_at, "
        "i.identity_lock_threshold, i.pin_lock_threshold, "
        "EXISTS (SELECT 1 FROM announced_maintenance m "
        "WHERE m.institution_id = f.institution_id AND m.starts_at <= ? "
        "AND m.ends_at > ?)"_s;
    static const QString tables = u"flows f JOIN client_apps c ON c.id = f.client_app_id "
                                  "JOIN institutions i ON i.id = f.institution_id"_s;
    constexpr int flowColumns = 18;
    const QString extraSql = extra.count > 0 ? u", "_s + extra.sql : QString();
    const QString joined = extra.joins.isEmpty() ? tables : tables + u' ' + extra.joins;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QString sql;
    QVariantList values;
    if (addressCount) {
        // The source address's count decides even when the flow does not exist: the flow
        // joins to its row.
        sql = u"WITH r AS ("_s + addressCount->sql + u") SELECT "_s + columns + extraSql
            + u", (SELECT count(*) FROM r) FROM (SELECT 1) AS anchor LEFT JOIN ("_s + joined
            + u") ON f.id = ?"_s;
        values = addressCount->values;
    } else {
        sql = u"SELECT "_s + columns + extraSql + u" FROM "_s + joined + u" WHERE f.id = ?"_s;
    }
    values << nowMs << nowMs;
    values += extra.values;
    values << flowId;
    auto query = runQuery(db, sql, values, u"load flow"_s);
    if (!query)
        return codeError(codes::SystemError);
    QSqlQuery &q = query.value();
    const bool found = q.next();
    if (addressCount && (!found || q.value(flowColumns + extra.count).toLongLong() == 0))
        return rateLimited(u"address"_s);
    if (!found || q.value(0).isNull() || q.value(14).toLongLong() <= nowMs)
        return codeError(codes::FlowNotFound);
    FlowRow row;
    row.id = q.value(0).toString();
    row.institutionId = q.value(1).toString();
    row.clientAppId = q.value(2).toLongLong();
    row.clientName = q.value(3).toString();
    row.redirectUri = q.value(4).toString();
    row.state = q.value(5).toString();
    row.codeChallenge = q.value(6).toString();
    row.scope = q.value(7).toString();
    row.step = q.value(8).toString();
    row.accountId = q.value(9).toLongLong();
    row.email = q.value(10).toString();
    row.destinationNumber = q.value(11).toString();
    row.callDeadline = q.value(12).toLongLong();
    row.callVerifiedAt = q.value(13).toLongLong();
    row.thresholds = LockThresholds {.identity = q.value(15).toInt(), .pin = q.value(16).toInt()};
    row.inAnnouncedMaintenance = q.value(17).toBool();
    for (int i = 0; i < extra.count; ++i)
        row.extra.append(q.value(flowColumns + i));
    return row;
}

Result<CreatedFlow> FlowService::create(const CreateFlowInput &input, const RequestOrigin &origin)
{
    if (input.institutionId.isEmpty() || input.clientId.isEmpty() || input.redirectUri.isEmpty()
        || input.state.isEmpty() || input.codeChallenge.isEmpty() || input.scope.isEmpty())
        return codeError(codes::MalformedRequest);
    // PKCE with S256 only: "plain" would hand the verifier to anyone who sees the request.
    if (input.codeChallengeMethod != u"S256"_s)
        return codeError(codes::MalformedRequest);
    static const QRegularExpression challengePattern(u"^[A-Za-z0-9_-]{43}$"_s);
    if (!challengePattern.match(input.codeChallenge).hasMatch() || input.state.size() > 512)
        return codeError(codes::MalformedRequest);

    const QDateTime now = m_clock.now();
    if (Status open = checkOpen(input.institutionId, now); !open)
        return open.error();

    return m_database.transaction<CreatedFlow>([&](QSqlDatabase &db) -> Result<CreatedFlow> {
        const qint64 nowMs = now.toMSecsSinceEpoch();
        if (Status limited = checkAddressRate(db, origin, nowMs); !limited)
            return limited.error();
        if (Status limited = checkRate(db, u"app:%1:%2"_s.arg(input.institutionId, input.clientId),
                                       m_settings.flowsPerAppPerMinute, nowMs);
            !limited)
            return limited.error();
        auto client = runQuery(
            db,
            u"SELECT c.id, c.name, c.redirect_uris, ci.suspended_at, i.name "
            "FROM client_apps c JOIN client_app_institutions ci ON ci.client_app_id = c.id "
            "JOIN institutions i ON i.id = ci.institution_id "
            "WHERE c.client_id = ? AND ci.institution_id = ?"_s,
            {input.clientId, input.institutionId}, u"find client"_s);
        if (!client)
            return codeError(codes::SystemError);
        QSqlQuery &c = client.value();
        if (!c.next())
            return codeError(codes::MalformedRequest);
        if (!c.value(3).isNull())
            return codeError(codes::ClientSuspended);
        // Exact match of a registered redirect URI: no prefixes, no wildcards.
        const QStringList registered = c.value(2).toString().split(u'\n', Qt::SkipEmptyParts);
        if (!registered.contains(input.redirectUri))
            return codeError(codes::MalformedRequest);
        if (input.scope != u"accounts"_s)
            return codeError(codes::MalformedRequest);

        CreatedFlow created {.flowId = crypto::randomToken(18),
                             .step = QString(steps::Account),
                             .institutionName = c.value(4).toString(),
                             .clientName = c.value(1).toString()};
        auto inserted = runQuery(
            db,
            u"INSERT INTO flows (id, institution_id, client_app_id, redirect_uri, state, "
            "code_challenge, scope, step, source_address, created_at, updated_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {created.flowId, input.institutionId, c.value(0).toLongLong(), input.redirectUri,
             input.state, input.codeChallenge, input.scope, created.step, origin.sourceAddress,
             nowMs, nowMs, nowMs + qint64(m_settings.flowLifetimeSeconds) * 1000},
            u"create flow"_s);
        if (!inserted)
            return codeError(codes::SystemError);
        return created;
    });
}

Result<StepAnswer> FlowService::submitAccount(const QString &flowId, const AccountInput &input,
                                              const RequestOrigin &origin)
{
    return runStep<StepAnswer>(
        flowId, steps::Account, origin, RateLimit::PerAddress, nullptr,
        [&](StepContext &step) -> Result<StepAnswer> {
            QSqlDatabase &db = step.db;
            const FlowRow *flow = &step.flow;
            const QDateTime &now = step.now;
            const qint64 nowMs = step.nowMs;
            AttemptRecord &attempt = step.attempt;

            if (input.branchCode.isEmpty() || input.accountType.isEmpty()
                || input.accountNumber.isEmpty())
                return step.answer(codes::MissingFields);
            if (!isDigits(input.branchCode, 3) || !isDigits(input.accountNumber, 7)
                || (input.accountType != u"ordinary"_s && input.accountType != u"savings"_s))
                return step.answer(codes::InvalidFormat);

            auto account = runQuery(
                db,
                u"SELECT a.id, a.cash_card_issued, a.status FROM accounts a "
                "JOIN branches b ON b.id = a.branch_id "
                "WHERE b.institution_id = ? AND b.code = ? AND a.account_type = ? "
                "AND a.account_number = ?"_s,
                {flow->institutionId, input.branchCode, input.accountType, input.accountNumber},
                u"find account"_s);
            if (!account)
                return codeError(codes::SystemError);
            QSqlQuery &a = account.value();
            // A missing, closed or moved account and one without a cash card get the same answer,
            // so the screen does not tell which account numbers exist.
            if (!a.next())
                return step.answer(codes::AccountNotEligible);
            attempt.accountId = a.value(0).toLongLong();
            if (a.value(1).toInt() == 0 || a.value(2).toString() != u"active"_s)
                return step.answer(codes::AccountNotEligible);

            const Result<bool> locked =
                LockStore::isLocked(db, attempt.accountId, LockKind::Identity, tokyoDate(now));
            if (!locked)
                return codeError(codes::SystemError);
            if (locked.value())
                return step.answer(codes::IdentityLocked);

            if (Status logged = step.succeed(
                    {u"UPDATE flows SET account_id = ?, step = ?, updated_at = ? WHERE id = ?"_s,
                     {attempt.accountId, QString(steps::Customer), nowMs, flowId}});
                !logged)
                return logged.error();
            return StepAnswer {QString(steps::Customer)};
        });
}

Result<PhoneChallenge> FlowService::submitCustomer(const QString &flowId,
                                                   const CustomerInput &input,
                                                   const RequestOrigin &origin)
{
    return runStep<PhoneChallenge>(
        flowId, steps::Customer, origin, RateLimit::PerAddress, &FlowService::customerStepReads,
        [&](StepContext &step) -> Result<PhoneChallenge> {
            QSqlDatabase &db = step.db;
            const FlowRow *flow = &step.flow;
            const QDateTime &now = step.now;
            const qint64 nowMs = step.nowMs;
            AttemptRecord &attempt = step.attempt;
            attempt.nameKana = normalizedKanaName(input.nameKana).left(64);

            if (input.nameKana.trimmed().isEmpty() || input.birthDate.isEmpty()
                || input.phone.isEmpty() || input.email.isEmpty() || input.emailConfirm.isEmpty())
                return step.answer(codes::MissingFields);
            const QDate birthDate = QDate::fromString(input.birthDate, Qt::ISODate);
            const QString phone = digitsOnly(input.phone);
            static const QRegularExpression emailPattern(
                u"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"_s);
            if (!isKanaName(input.nameKana) || !birthDate.isValid() || input.birthDate.size() != 10
                || phone.size() < 10 || phone.size() > 11 || input.email.size() > 254
                || !emailPattern.match(input.email).hasMatch())
                return step.answer(codes::InvalidFormat);
            if (input.email != input.emailConfirm)
                return step.answer(codes::EmailConfirmationMismatch);

            const LockPolicy policy(flow->thresholds);
            const QDate day = tokyoDate(now);
            if (flow->extra.value(0).toBool())
                return step.answer(codes::IdentityLocked);
            if (flow->extra.value(1).isNull())
                return codeError(codes::SystemError); // the flow's account has no customer
            const QString registeredPhone = flow->extra.value(3).toString();
            const bool matches = normalizedKanaName(flow->extra.value(1).toString())
                    == normalizedKanaName(input.nameKana)
                && flow->extra.value(2).toString() == birthDate.toString(Qt::ISODate)
                && registeredPhone == phone;
            if (!matches) {
                const Result<CountedFailure> counted =
                    LockStore::countFailure(db, flow->accountId, LockKind::Identity, day,
                                            policy.threshold(LockKind::Identity), nowMs);
                if (!counted)
                    return codeError(codes::SystemError);
                if (!counted->counted)
                    return step.answer(codes::IdentityLocked);
                return step.answer(counted->lockedNow ? codes::IdentityLockedNow
                                                      : codes::IdentityMismatch,
                                   u"failure"_s);
            }

            auto numbers =
                runQuery(db, u"SELECT number FROM auth_numbers WHERE institution_id = ?"_s,
                         {flow->institutionId}, u"read authentication numbers"_s);
            if (!numbers)
                return codeError(codes::SystemError);
            QStringList pool;
            while (numbers.value().next())
                pool << numbers.value().value(0).toString();
            if (pool.isEmpty()) {
                qCWarning(lcFlow) << "institution" << flow->institutionId
                                  << "has no authentication numbers configured";
                return codeError(codes::ServiceUnavailable);
            }
            // The seeds: the destination is picked at random from several numbers each time.
            const QByteArray pick = crypto::randomBytes(4);
            quint32 index = 0;
            std::memcpy(&index, pick.constData(), sizeof index);
            const QString destination = pool.at(qsizetype(index % quint32(pool.size())));
            const QDateTime deadline = now.addSecs(m_settings.callWindowSeconds);

            if (Status logged = step.succeed(
                    {u"UPDATE flows SET step = ?, email = ?, destination_number = ?, "
                     "call_deadline = ?, call_verified_at = NULL, updated_at = ? WHERE id = ?"_s,
                     {QString(steps::Phone), input.email, destination, deadline.toMSecsSinceEpoch(),
                      nowMs, flowId}});
                !logged)
                return logged.error();
            return PhoneChallenge {registeredPhone, destination, deadline};
        });
}

Status FlowService::recordCall(const QString &caller, const QString &dialed,
                               const QDateTime &calledAt)
{
    const QString from = digitsOnly(caller);
    const QString to = digitsOnly(dialed);
    if (from.isEmpty() || to.isEmpty() || !calledAt.isValid())
        return codeError(codes::MalformedRequest);
    const qint64 calledMs = calledAt.toMSecsSinceEpoch();
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    return m_database.transaction<Success>([&](QSqlDatabase &db) -> Status {
        auto logged = runQuery(db,
                               u"INSERT INTO telephony_calls (caller, dialed, called_at, "
                               "received_at) VALUES (?, ?, ?, ?)"_s,
                               {from, to, calledMs, nowMs}, u"record call"_s);
        if (!logged)
            return codeError(codes::SystemError);
        // The call proves the flow whose customer's registered number rang this destination
        // within the window; a call after the deadline proves nothing. The flows waiting on
        // this destination come first (flows_call), then each one's customer by key: asked
        // the other way round, the phone would be looked up among every institution's
        // customers (no index leads with the phone alone).
        auto verified = runQuery(
            db,
            u"UPDATE flows SET call_verified_at = ? WHERE step = ? AND destination_number = ? "
            "AND call_deadline >= ? AND call_verified_at IS NULL AND EXISTS ("
            "SELECT 1 FROM accounts a JOIN customers c ON c.id = a.customer_id "
            "WHERE a.id = flows.account_id AND c.phone = ?)"_s,
            {calledMs, QString(steps::Phone), to, calledMs, from}, u"verify call"_s);
        if (!verified)
            return codeError(codes::SystemError);
        return Success {};
    });
}

Result<StepAnswer> FlowService::confirmPhone(const QString &flowId, const RequestOrigin &origin)
{
    return runStep<StepAnswer>(
        flowId, steps::Phone, origin, RateLimit::None, nullptr,
        [&](StepContext &step) -> Result<StepAnswer> {
            QSqlDatabase &db = step.db;
            const FlowRow *flow = &step.flow;
            const qint64 nowMs = step.nowMs;

            if (flow->callVerifiedAt != 0 && flow->callVerifiedAt <= flow->callDeadline
                && nowMs <= flow->callDeadline) {
                if (Status logged = step.succeed(stepChange(flowId, steps::Pin, nowMs)); !logged)
                    return logged.error();
                return StepAnswer {QString(steps::Pin)};
            }
            // After 120 s the operation is void, whether or not a call came: start over.
            if (nowMs > flow->callDeadline) {
                return step.answer(codes::CallWindowExpired, u"refused"_s,
                                   {stepChange(flowId, steps::Void, nowMs)});
            }
            // A call did reach this destination in the window, but not from the registered number.
            // (The registered number's own calls belong to this customer, perhaps to an earlier
            // flow; other customers' calls to the shared number come from their registered numbers,
            // which are not this one either, but those callers are waited for by their own flows.)
            auto otherCall = runQuery(
                db,
                u"SELECT 1 FROM telephony_calls t WHERE t.dialed = ? AND t.called_at >= ? "
                "AND t.called_at <= ? AND t.caller <> (SELECT c.phone FROM accounts a "
                "JOIN customers c ON c.id = a.customer_id WHERE a.id = ?) "
                "AND NOT EXISTS (SELECT 1 FROM flows f JOIN accounts a2 ON a2.id = f.account_id "
                "JOIN customers c2 ON c2.id = a2.customer_id WHERE f.destination_number = t.dialed "
                "AND c2.phone = t.caller AND f.id <> ?) LIMIT 1"_s,
                {flow->destinationNumber,
                 flow->callDeadline - qint64(m_settings.callWindowSeconds) * 1000,
                 flow->callDeadline, flow->accountId, flowId},
                u"read calls"_s);
            if (!otherCall)
                return codeError(codes::SystemError);
            if (otherCall.value().next())
                return step.answer(codes::CallFromUnregisteredNumber);
            return step.answer(codes::AwaitingCall);
        });
}

Result<ConsentRequest> FlowService::submitPin(const QString &flowId, const QString &pin,
                                              const RequestOrigin &origin)
{
    return runStep<ConsentRequest>(
        flowId, steps::Pin, origin, RateLimit::PerAddress, &FlowService::pinStepReads,
        [&](StepContext &step) -> Result<ConsentRequest> {
            QSqlDatabase &db = step.db;
            const FlowRow *flow = &step.flow;
            const QDateTime &now = step.now;
            const qint64 nowMs = step.nowMs;

            if (pin.isEmpty())
                return step.answer(codes::MissingFields);
            if (!isDigits(pin, 4))
                return step.answer(codes::InvalidFormat);

            const QDate day = tokyoDate(now);
            if (flow->extra.value(0).toBool())
                return step.answer(codes::PinLocked);
            const QByteArray expected = flow->extra.value(1).toByteArray();
            if (expected.isEmpty()
                || !crypto::constantTimeEquals(expected, pinDigest(flow->accountId, pin))) {
                const LockPolicy policy(flow->thresholds);
                const Result<CountedFailure> counted =
                    LockStore::countFailure(db, flow->accountId, LockKind::Pin, day,
                                            policy.threshold(LockKind::Pin), nowMs);
                if (!counted)
                    return codeError(codes::SystemError);
                if (!counted->counted)
                    return step.answer(codes::PinLocked);
                return step.answer(counted->lockedNow ? codes::PinLockedNow : codes::WrongPin,
                                   u"failure"_s);
            }
            if (Status logged = step.succeed(stepChange(flowId, steps::Consent, nowMs)); !logged)
                return logged.error();
            return ConsentRequest {flow->clientName, flow->scope, m_settings.linkageDays};
        });
}

Result<FlowRedirect> FlowService::decide(const QString &flowId, const ConsentInput &input,
                                         const RequestOrigin &origin)
{
    return runStep<FlowRedirect>(
        flowId, steps::Consent, origin, RateLimit::None, nullptr,
        [&](StepContext &step) -> Result<FlowRedirect> {
            QSqlDatabase &db = step.db;
            const FlowRow *flow = &step.flow;
            const QDateTime &now = step.now;
            const qint64 nowMs = step.nowMs;

            if (input.decision == u"deny"_s) {
                if (Status logged = step.record(codes::ConsentDenied, u"refused"_s,
                                                {stepChange(flowId, steps::Denied, nowMs)});
                    !logged)
                    return logged.error();
                return FlowRedirect {
                    withQuery(flow->redirectUri,
                              {{u"error"_s, u"access_denied"_s}, {u"state"_s, flow->state}})};
            }
            if (input.decision != u"allow"_s)
                return codeError(codes::MalformedRequest);
            if (!input.agreeTerms) {
                if (Status logged = step.record(codes::TermsNotAgreed); !logged)
                    return logged.error();
                return codeError(codes::TermsNotAgreed);
            }

            const qint64 expiresMs = now.addDays(m_settings.linkageDays).toMSecsSinceEpoch();
            auto linkage =
                runQuery(db,
                         u"INSERT INTO linkages (institution_id, account_id, client_app_id, "
                         "scope, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) "
                         "RETURNING id"_s,
                         {flow->institutionId, flow->accountId, flow->clientAppId, flow->scope,
                          nowMs, expiresMs},
                         u"create linkage"_s);
            if (!linkage || !linkage.value().next())
                return codeError(codes::SystemError);
            const qint64 linkageId = linkage.value().value(0).toLongLong();

            const QString code = crypto::randomToken(32);
            auto stored = runQuery(
                db,
                u"INSERT INTO authorization_codes (code_hash, linkage_id, "
                "redirect_uri, code_challenge, expires_at) VALUES (?, ?, ?, ?, ?)"_s,
                {crypto::sha256(code.toLatin1()), linkageId, flow->redirectUri, flow->codeChallenge,
                 nowMs + qint64(m_settings.authorizationCodeSeconds) * 1000},
                u"store authorization code"_s);
            if (!stored)
                return codeError(codes::SystemError);

            if (!flow->email.isEmpty()) {
                // The e-mail address serves only this notice (seeds, FAQ Q5): it leaves the flow
                // now.
                auto queued = runQuery(
                    db,
                    u"INSERT INTO outbox (institution_id, recipient, subject, body, created_at, "
                    "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                    {flow->institutionId, flow->email, u"【API連携認証】認証完了のお知らせ"_s,
                     u"API連携認証が完了しました。\n\n連携先アプリ: %1\n認可期間: %2日\n\n"
                     "お心当たりのない場合は、お取引店へご連絡ください。連携はいつでも解除できます。\n"_s
                         .arg(flow->clientName)
                         .arg(m_settings.linkageDays),
                     nowMs, nowMs},
                    u"queue notice"_s);
                if (!queued)
                    return codeError(codes::SystemError);
            }
            if (Status logged =
                    step.succeed({u"UPDATE flows SET step = ?, email = NULL, updated_at = ? "
                                  "WHERE id = ?"_s,
                                  {QString(steps::Done), nowMs, flowId}});
                !logged)
                return logged.error();
            return FlowRedirect {
                withQuery(flow->redirectUri, {{u"code"_s, code}, {u"state"_s, flow->state}})};
        });
}

Result<StepAnswer> FlowService::cancel(const QString &flowId, const RequestOrigin &origin)
{
    const QDateTime now = m_clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    return m_database.transaction<StepAnswer>([&](QSqlDatabase &db) -> Result<StepAnswer> {
        const Result<FlowRow> flow = loadFlow(db, flowId, now, {}, std::nullopt);
        if (!flow)
            return flow.error();
        const QStringList ended {QString(steps::Done), QString(steps::Denied),
                                 QString(steps::Cancelled)};
        if (ended.contains(flow->step))
            return codeError(codes::StepOutOfOrder);
        AttemptRecord attempt {.institutionId = flow->institutionId,
                               .accountId = flow->accountId,
                               .flowId = flowId,
                               .clientAppId = flow->clientAppId,
                               .step = flow->step,
                               .outcome = u"cancelled"_s,
                               .code = QString(codes::Cancelled),
                               .sourceAddress = origin.sourceAddress};
        if (Status logged =
                recordAttempt(db, attempt, nowMs, {stepChange(flowId, steps::Cancelled, nowMs)});
            !logged)
            return codeError(codes::SystemError);
        return StepAnswer {QString(steps::Cancelled)};
    });
}

} // namespace tc::backend
