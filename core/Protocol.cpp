#include "Protocol.h"

#include "TokyoTime.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace tc::protocol {

namespace {

enum class Need { Required, Optional };
constexpr Need Required = Need::Required;
constexpr Need Optional = Need::Optional;

Error decodeError(const QString &path, const QString &problem)
{
    return Error {QString(DecodeErrorKey), path + u": "_s + problem};
}

// An error found inside the value at `path`: "accounts[0]" and "locks[1].kind: missing" make
// "accounts[0].locks[1].kind: missing".
Error nestedError(const QString &path, const Error &inner)
{
    if (inner.message.startsWith(u'['))
        return Error {inner.key, path + inner.message};
    return Error {inner.key, path + u'.' + inner.message};
}

// Reads the fields of one JSON object under the decoding rules of Protocol.h and remembers the
// first problem; a type's fromJson reads every field, then returns result(value).
class JsonReader final
{
public:
    explicit JsonReader(const QJsonObject &json) : m_json(json) { }

    QString text(QLatin1StringView key, Need need = Required)
    {
        const std::optional<QJsonValue> value = field(key, need);
        if (!value)
            return {};
        if (!value->isString())
            return failed<QString>(key, u"expected a string"_s);
        return value->toString();
    }

    qint64 integer(QLatin1StringView key, Need need = Required)
    {
        return integerIn(key, need, ExactRange);
    }

    int count(QLatin1StringView key, Need need = Required)
    {
        return int(integerIn(key, need, IntRange));
    }

    bool boolean(QLatin1StringView key, Need need = Required)
    {
        const std::optional<QJsonValue> value = field(key, need);
        if (!value)
            return false;
        if (!value->isBool())
            return failed<bool>(key, u"expected true or false"_s);
        return value->toBool();
    }

    std::optional<double> real(QLatin1StringView key, Need need = Required)
    {
        const std::optional<QJsonValue> value = field(key, need);
        if (!value)
            return std::nullopt;
        if (!value->isDouble())
            return failed<std::optional<double>>(key, u"expected a number"_s);
        return value->toDouble();
    }

    QDateTime instant(QLatin1StringView key, Need need = Required)
    {
        const QString textValue = text(key, need);
        if (textValue.isEmpty())
            return {};
        const QDateTime parsed = QDateTime::fromString(textValue, Qt::ISODateWithMs);
        if (!parsed.isValid())
            return failed<QDateTime>(key, u"expected an ISO 8601 time"_s);
        return parsed.toUTC();
    }

    QDate date(QLatin1StringView key, Need need = Required)
    {
        const QString textValue = text(key, need);
        if (textValue.isEmpty())
            return {};
        const QDate parsed = QDate::fromString(textValue, Qt::ISODate);
        if (textValue.size() != 10 || !parsed.isValid())
            return failed<QDate>(key, u"expected a date YYYY-MM-DD"_s);
        return parsed;
    }

    // A JSON object taken as it is (an empty one when absent or null).
    QJsonObject jsonObject(QLatin1StringView key, Need need = Required)
    {
        return objectField(key, need).value_or(QJsonObject());
    }

    QStringList texts(QLatin1StringView key, Need need = Required)
    {
        const std::optional<QJsonArray> array = arrayField(key, need);
        if (!array)
            return {};
        QStringList result;
        for (qsizetype i = 0; i < array->size(); ++i) {
            if (!array->at(i).isString())
                return failed<QStringList>(elementPath(key, i), u"expected a string"_s);
            result.append(array->at(i).toString());
        }
        return result;
    }

    // An object of counts by name, {"B21": 12, "D01": 4}.
    QMap<QString, int> counts(QLatin1StringView key, Need need = Required)
    {
        const std::optional<QJsonObject> object = objectField(key, need);
        if (!object)
            return {};
        QMap<QString, int> result;
        for (auto it = object->constBegin(); it != object->constEnd(); ++it) {
            const std::optional<qint64> number = exactInteger(it.value(), IntRange);
            if (!number)
                return failed<QMap<QString, int>>(QString(key) + u'.' + it.key(),
                                                  u"expected an integer"_s);
            result.insert(it.key(), int(*number));
        }
        return result;
    }

    // A list of objects, each decoded by `decode` (a type's fromJson).
    template<typename T, typename Decode>
    QList<T> list(QLatin1StringView key, Need need, Decode decode)
    {
        const std::optional<QJsonArray> array = arrayField(key, need);
        if (!array)
            return {};
        QList<T> result;
        result.reserve(array->size());
        for (qsizetype i = 0; i < array->size(); ++i) {
            const QString path = elementPath(key, i);
            if (!array->at(i).isObject())
                return failed<QList<T>>(path, u"expected an object"_s);
            const Result<T> item = decode(array->at(i).toObject());
            if (!item) {
                fail(nestedError(path, item.error()));
                return {};
            }
            result.append(item.value());
        }
        return result;
    }

    template<typename T>
    QList<T> list(QLatin1StringView key, Need need = Required)
    {
        return list<T>(key, need, &T::fromJson);
    }

    // One nested object decoded by `decode`; empty when absent or null.
    template<typename T, typename Decode>
    std::optional<T> object(QLatin1StringView key, Need need, Decode decode)
    {
        const std::optional<QJsonObject> json = objectField(key, need);
        if (!json)
            return std::nullopt;
        Result<T> decoded = decode(*json);
        if (!decoded) {
            fail(nestedError(QString(key), decoded.error()));
            return std::nullopt;
        }
        return std::move(decoded).value();
    }

    // Takes on a problem found by decoding part of the same object elsewhere.
    template<typename T>
    T take(Result<T> decoded)
    {
        if (!decoded) {
            fail(decoded.error());
            return T {};
        }
        return std::move(decoded).value();
    }

    template<typename T>
    Result<T> result(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    struct Range
    {
        qint64 lowest;
        qint64 highest;
    };
    // ±2^53: beyond it a JSON number (a double) no longer holds every integer.
    static constexpr Range ExactRange {-(qint64(1) << 53), qint64(1) << 53};
    static constexpr Range IntRange {std::numeric_limits<int>::min(),
                                     std::numeric_limits<int>::max()};

    static std::optional<qint64> exactInteger(const QJsonValue &value, Range range)
    {
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number || number < double(range.lowest)
            || number > double(range.highest))
            return std::nullopt;
        return qint64(number);
    }

    static QString elementPath(QLatin1StringView key, qsizetype index)
    {
        return u"%1[%2]"_s.arg(key).arg(index);
    }

    void fail(const Error &error)
    {
        if (!m_error)
            m_error = error;
    }

    template<typename T>
    T failed(const QString &path, const QString &problem)
    {
        fail(decodeError(path, problem));
        return T {};
    }

    template<typename T>
    T failed(QLatin1StringView key, const QString &problem)
    {
        return failed<T>(QString(key), problem);
    }

    // The value of `key` when present and not null; a required one absent or null is an error.
    std::optional<QJsonValue> field(QLatin1StringView key, Need need)
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isUndefined() && !value.isNull())
            return value;
        if (need == Required)
            fail(decodeError(QString(key), u"missing"_s));
        return std::nullopt;
    }

    qint64 integerIn(QLatin1StringView key, Need need, Range range)
    {
        const std::optional<QJsonValue> value = field(key, need);
        if (!value)
            return 0;
        const std::optional<qint64> number = exactInteger(*value, range);
        if (!number)
            return failed<qint64>(key, u"expected an integer"_s);
        return *number;
    }

    std::optional<QJsonArray> arrayField(QLatin1StringView key, Need need)
    {
        const std::optional<QJsonValue> value = field(key, need);
        if (!value)
            return std::nullopt;
        if (!value->isArray())
            return failed<std::optional<QJsonArray>>(key, u"expected an array"_s);
        return value->toArray();
    }

    std::optional<QJsonObject> objectField(QLatin1StringView key, Need need)
    {
        const std::optional<QJsonValue> value = field(key, need);
        if (!value)
            return std::nullopt;
        if (!value->isObject())
            return failed<std::optional<QJsonObject>>(key, u"expected an object"_s);
        return value->toObject();
    }

    const QJsonObject &m_json;
    std::optional<Error> m_error; // the first problem found
};

// --- writing ---

QJsonValue instantOrNull(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(utcIsoText(instant)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue idOrNull(qint64 id)
{
    return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

template<typename T>
QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

QJsonObject countsJson(const QMap<QString, int> &counts)
{
    QJsonObject json;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

// Event payloads carry only the fields that apply to their kind.
void insertIfSet(QJsonObject &json, QLatin1StringView key, const QString &text)
{
    if (!text.isEmpty())
        json.insert(key, text);
}

void insertIfSet(QJsonObject &json, QLatin1StringView key, qint64 id)
{
    if (id != 0)
        json.insert(key, id);
}

void insertIfSet(QJsonObject &json, QLatin1StringView key, const QDateTime &instant)
{
    if (instant.isValid())
        json.insert(key, utcIsoText(instant));
}

// --- parts that are not types of their own on the wire ---

Result<StaffText> staffTextFromJson(const QJsonObject &json)
{
    JsonReader r(json);
    StaffText text;
    text.ja = r.text("ja"_L1, Optional);
    text.en = r.text("en"_L1, Optional);
    return r.result(text);
}

QJsonObject staffTextJson(const StaffText &text)
{
    return {{u"ja"_s, text.ja}, {u"en"_s, text.en}};
}

Result<ServiceWindow> windowFromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ServiceWindow window;
    window.start = r.instant("start"_L1);
    window.end = r.instant("end"_L1);
    // A reason a newer server names is left out rather than failing the whole status.
    for (const QString &name : r.texts("reasons"_L1, Optional)) {
        if (const std::optional<ClosureReason> reason = closureReasonFromName(name))
            window.reasons.append(*reason);
    }
    window.notes = r.texts("notes"_L1, Optional);
    return r.result(window);
}

QJsonObject windowJson(const ServiceWindow &window)
{
    QJsonArray reasons;
    for (const ClosureReason reason : window.reasons)
        reasons.append(closureReasonName(reason));
    return {{u"start"_s, instantOrNull(window.start)},
            {u"end"_s, instantOrNull(window.end)},
            {u"reasons"_s, reasons},
            {u"notes"_s, QJsonArray::fromStringList(window.notes)}};
}

struct LockCounts
{
    int identity = 0;
    int pin = 0;
};

Result<LockCounts> lockCountsFromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LockCounts counts;
    counts.identity = r.count("identity"_L1, Optional);
    counts.pin = r.count("pin"_L1, Optional);
    return r.result(counts);
}

struct LinkageSummary
{
    int active = 0;
    int total = 0;
};

Result<LinkageSummary> linkageSummaryFromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LinkageSummary summary;
    summary.active = r.count("active"_L1);
    summary.total = r.count("total"_L1);
    return r.result(summary);
}

} // namespace

// --- ErrorBody ---

Result<ErrorBody> ErrorBody::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ErrorBody body;
    body.code = r.text("code"_L1);
    body.message = r.text("message"_L1);
    body.detail = r.text("detail"_L1, Optional);
    return r.result(body);
}

QJsonObject ErrorBody::toJson() const
{
    QJsonObject json {{u"code"_s, code}, {u"message"_s, message}};
    insertIfSet(json, "detail"_L1, detail);
    return json;
}

// --- StaffChange ---

const QStringList &StaffChange::reasonKinds()
{
    static const QStringList kinds {u"counter_document"_s, u"phone_caller_check"_s, u"other"_s};
    return kinds;
}

const QStringList &StaffChange::identityDocuments()
{
    static const QStringList documents {u"drivers_license"_s, u"my_number_card"_s,
                                        u"health_insurance_card"_s, u"passport"_s, u"other"_s};
    return documents;
}

Result<StaffChange> StaffChange::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    StaffChange change;
    change.reason = r.text("reason"_L1);
    change.reasonKind = r.text("reason_kind"_L1, Optional);
    change.identityDocument = r.text("identity_document"_L1, Optional);
    change.callerCheckId = r.text("caller_check_id"_L1, Optional);
    return r.result(change);
}

QJsonObject StaffChange::toJson() const
{
    QJsonObject json {{u"reason"_s, reason}};
    insertIfSet(json, "reason_kind"_L1, reasonKind);
    insertIfSet(json, "identity_document"_L1, identityDocument);
    insertIfSet(json, "caller_check_id"_L1, callerCheckId);
    return json;
}

// --- CallerCheckRequest, CallerCheckResult ---

Result<CallerCheckRequest> CallerCheckRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CallerCheckRequest request;
    request.nameKana = r.text("name_kana"_L1, Optional);
    request.birthDate = r.text("birth_date"_L1, Optional);
    request.phone = r.text("phone"_L1, Optional);
    request.branchCode = r.text("branch_code"_L1, Optional);
    request.accountNumber = r.text("account_number"_L1, Optional);
    return r.result(request);
}

QJsonObject CallerCheckRequest::toJson() const
{
    QJsonObject json;
    insertIfSet(json, "name_kana"_L1, nameKana);
    insertIfSet(json, "birth_date"_L1, birthDate);
    insertIfSet(json, "phone"_L1, phone);
    insertIfSet(json, "branch_code"_L1, branchCode);
    insertIfSet(json, "account_number"_L1, accountNumber);
    return json;
}

namespace {

struct CallerCheckFields
{
    QString nameKana;
    QString birthDate;
    QString phone;
    QString account;
};

Result<CallerCheckFields> callerCheckFieldsFromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CallerCheckFields fields;
    fields.nameKana = r.text("name_kana"_L1);
    fields.birthDate = r.text("birth_date"_L1);
    fields.phone = r.text("phone"_L1);
    fields.account = r.text("account"_L1);
    return r.result(fields);
}

} // namespace

Result<CallerCheckResult> CallerCheckResult::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CallerCheckResult check;
    check.checkId = r.text("check_id"_L1);
    check.customerId = r.integer("customer_id"_L1);
    check.passed = r.boolean("passed"_L1);
    check.checkedAt = r.instant("checked_at"_L1);
    check.expiresAt = r.instant("expires_at"_L1);
    const std::optional<CallerCheckFields> fields =
        r.object<CallerCheckFields>("fields"_L1, Required, callerCheckFieldsFromJson);
    if (fields) {
        check.nameKana = fields->nameKana;
        check.birthDate = fields->birthDate;
        check.phone = fields->phone;
        check.account = fields->account;
    }
    return r.result(check);
}

QJsonObject CallerCheckResult::toJson() const
{
    return {{u"check_id"_s, checkId},
            {u"customer_id"_s, customerId},
            {u"passed"_s, passed},
            {u"checked_at"_s, instantOrNull(checkedAt)},
            {u"expires_at"_s, instantOrNull(expiresAt)},
            {u"fields"_s,
             QJsonObject {{u"name_kana"_s, nameKana},
                          {u"birth_date"_s, birthDate},
                          {u"phone"_s, phone},
                          {u"account"_s, account}}}};
}

// --- LockReleaseAnswer ---

Result<LockReleaseAnswer> LockReleaseAnswer::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LockReleaseAnswer answer;
    answer.status = r.text("status"_L1);
    answer.releasedAt = r.instant("released_at"_L1, Optional);
    answer.requestId = r.integer("request_id"_L1, Optional);
    answer.code = r.text("code"_L1, Optional);
    answer.message = r.text("message"_L1, Optional);
    return r.result(answer);
}

QJsonObject LockReleaseAnswer::toJson() const
{
    QJsonObject json {{u"status"_s, status}};
    insertIfSet(json, "released_at"_L1, releasedAt);
    insertIfSet(json, "request_id"_L1, requestId);
    insertIfSet(json, "code"_L1, code);
    insertIfSet(json, "message"_L1, message);
    return json;
}

// --- LinkageRevocation ---

Result<LinkageRevocation> LinkageRevocation::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LinkageRevocation revocation;
    revocation.status = r.text("status"_L1);
    revocation.revokedAt = r.instant("revoked_at"_L1);
    return r.result(revocation);
}

QJsonObject LinkageRevocation::toJson() const
{
    return {{u"status"_s, status}, {u"revoked_at"_s, instantOrNull(revokedAt)}};
}

// --- StaffSession ---

Result<StaffSession> StaffSession::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    StaffSession s;
    s.accessToken = r.text("access_token"_L1);
    s.tokenType = r.text("token_type"_L1);
    s.expiresIn = r.count("expires_in"_L1);
    s.refreshToken = r.text("refresh_token"_L1);
    s.sessionExpiresAt = r.instant("session_expires_at"_L1);
    s.username = r.text("username"_L1);
    s.displayName = r.text("display_name"_L1);
    s.role = r.text("role"_L1);
    s.institution = r.text("institution"_L1);
    s.institutionName = r.text("institution_name"_L1);
    s.branchCode = r.text("branch_code"_L1, Optional);
    s.branchName = r.text("branch_name"_L1, Optional);
    s.idleTimeoutSeconds = r.count("idle_timeout_seconds"_L1, Optional);
    s.supportDesk = r.text("support_desk"_L1, Optional);
    return r.result(s);
}

QJsonObject StaffSession::toJson() const
{
    return {{u"access_token"_s, accessToken},
            {u"token_type"_s, tokenType},
            {u"expires_in"_s, expiresIn},
            {u"refresh_token"_s, refreshToken},
            {u"session_expires_at"_s, instantOrNull(sessionExpiresAt)},
            {u"username"_s, username},
            {u"display_name"_s, displayName},
            {u"role"_s, role},
            {u"institution"_s, institution},
            {u"institution_name"_s, institutionName},
            {u"branch_code"_s, textOrNull(branchCode)},
            {u"branch_name"_s, textOrNull(branchName)},
            {u"idle_timeout_seconds"_s, idleTimeoutSeconds},
            {u"support_desk"_s, textOrNull(supportDesk)}};
}

// --- AccountLock ---

Result<AccountLock> AccountLock::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AccountLock lock;
    lock.kind = r.text("kind"_L1);
    lock.failuresToday = r.count("failures_today"_L1);
    lock.threshold = r.count("threshold"_L1);
    lock.locked = r.boolean("locked"_L1);
    lock.lockedAt = r.instant("locked_at"_L1, Optional);
    lock.releaseAt = r.instant("release_at"_L1, Optional);
    lock.releasedEarlyAt = r.instant("released_early_at"_L1, Optional);
    return r.result(lock);
}

QJsonObject AccountLock::toJson() const
{
    return {{u"kind"_s, kind},
            {u"failures_today"_s, failuresToday},
            {u"threshold"_s, threshold},
            {u"locked"_s, locked},
            {u"locked_at"_s, instantOrNull(lockedAt)},
            {u"release_at"_s, instantOrNull(releaseAt)},
            {u"released_early_at"_s, instantOrNull(releasedEarlyAt)}};
}

// --- PendingRelease ---

Result<PendingRelease> PendingRelease::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    PendingRelease request;
    request.id = r.integer("id"_L1);
    request.kind = r.text("kind"_L1);
    request.reason = r.text("reason"_L1, Optional);
    request.requestedAt = r.instant("requested_at"_L1);
    request.requestedBy = r.text("requested_by"_L1);
    return r.result(request);
}

QJsonObject PendingRelease::toJson() const
{
    return {{u"id"_s, id},
            {u"kind"_s, kind},
            {u"reason"_s, reason},
            {u"requested_at"_s, instantOrNull(requestedAt)},
            {u"requested_by"_s, requestedBy}};
}

// --- Account ---

Result<Account> Account::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Account account;
    account.id = r.integer("id"_L1);
    account.branchCode = r.text("branch_code"_L1);
    account.branchName = r.text("branch_name"_L1, Optional);
    account.accountType = r.text("account_type"_L1);
    account.accountNumber = r.text("account_number"_L1);
    account.cashCardIssued = r.boolean("cash_card_issued"_L1, Optional);
    account.status = r.text("status"_L1);
    account.movedToAccountId = r.integer("moved_to_account_id"_L1, Optional);
    account.hasLockState =
        json.contains(u"locks"_s) || json.contains(u"pending_release_requests"_s);
    account.locks = r.list<AccountLock>("locks"_L1, Optional);
    account.pendingReleaseRequests =
        r.list<PendingRelease>("pending_release_requests"_L1, Optional);
    return r.result(account);
}

QJsonObject Account::toJson() const
{
    QJsonObject json {{u"id"_s, id},
                      {u"branch_code"_s, branchCode},
                      {u"branch_name"_s, branchName},
                      {u"account_type"_s, accountType},
                      {u"account_number"_s, accountNumber},
                      {u"cash_card_issued"_s, cashCardIssued},
                      {u"status"_s, status},
                      {u"moved_to_account_id"_s, idOrNull(movedToAccountId)}};
    if (hasLockState) {
        json.insert(u"locks"_s, arrayOf(locks));
        json.insert(u"pending_release_requests"_s, arrayOf(pendingReleaseRequests));
    }
    return json;
}

// --- Customer ---

Result<Customer> Customer::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Customer customer;
    customer.id = r.integer("id"_L1);
    customer.nameKana = r.text("name_kana"_L1);
    customer.birthDate = r.text("birth_date"_L1, Optional);
    customer.phone = r.text("phone"_L1, Optional);
    customer.masked = r.boolean("masked"_L1, Optional);
    customer.accounts = r.list<Account>("accounts"_L1);
    return r.result(customer);
}

QJsonObject Customer::toJson() const
{
    return {{u"id"_s, id},       {u"name_kana"_s, nameKana}, {u"birth_date"_s, birthDate},
            {u"phone"_s, phone}, {u"masked"_s, masked},      {u"accounts"_s, arrayOf(accounts)}};
}

// --- CustomerSearchResult ---

Result<CustomerSearchResult> CustomerSearchResult::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CustomerSearchResult result;
    result.customers = r.list<Customer>("customers"_L1);
    result.truncated = r.boolean("truncated"_L1, Optional);
    return r.result(result);
}

QJsonObject CustomerSearchResult::toJson() const
{
    return {{u"customers"_s, arrayOf(customers)}, {u"truncated"_s, truncated}};
}

// --- LockHistoryEntry ---

Result<LockHistoryEntry> LockHistoryEntry::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LockHistoryEntry entry;
    entry.accountId = r.integer("account_id"_L1);
    entry.kind = r.text("kind"_L1);
    entry.event = r.text("event"_L1);
    entry.at = r.instant("at"_L1);
    entry.staff = r.text("staff"_L1, Optional);
    entry.reason = r.text("reason"_L1, Optional);
    return r.result(entry);
}

QJsonObject LockHistoryEntry::toJson() const
{
    return {{u"account_id"_s, accountId},
            {u"kind"_s, kind},
            {u"event"_s, event},
            {u"at"_s, instantOrNull(at)},
            {u"staff"_s, textOrNull(staff)},
            {u"reason"_s, textOrNull(reason)}};
}

// --- CustomerDetail ---

Result<CustomerDetail> CustomerDetail::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CustomerDetail detail;
    detail.customer = r.take(Customer::fromJson(json));
    detail.earlyReleaseNeedsApproval = r.boolean("early_release_needs_approval"_L1, Optional);
    detail.lockHistory = r.list<LockHistoryEntry>("lock_history"_L1, Optional);
    const std::optional<LinkageSummary> summary =
        r.object<LinkageSummary>("linkage_summary"_L1, Optional, linkageSummaryFromJson);
    if (summary) {
        detail.activeLinkages = summary->active;
        detail.totalLinkages = summary->total;
    }
    return r.result(detail);
}

QJsonObject CustomerDetail::toJson() const
{
    QJsonObject json = customer.toJson();
    json.insert(u"early_release_needs_approval"_s, earlyReleaseNeedsApproval);
    json.insert(u"lock_history"_s, arrayOf(lockHistory));
    json.insert(u"linkage_summary"_s,
                QJsonObject {{u"active"_s, activeLinkages}, {u"total"_s, totalLinkages}});
    return json;
}

// --- ReleaseRequest, ReleaseRequestList ---

Result<ReleaseRequest> ReleaseRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ReleaseRequest q;
    q.id = r.integer("id"_L1);
    q.accountId = r.integer("account_id"_L1);
    q.account = r.text("account"_L1);
    q.branchCode = r.text("branch_code"_L1);
    q.accountType = r.text("account_type"_L1);
    q.accountNumber = r.text("account_number"_L1);
    q.customerId = r.integer("customer_id"_L1);
    q.customerName = r.text("customer_name"_L1, Optional);
    q.kind = r.text("kind"_L1);
    q.failuresToday = r.count("failures_today"_L1, Optional);
    q.lockedAt = r.instant("locked_at"_L1, Optional);
    q.releaseAt = r.instant("release_at"_L1, Optional);
    q.reason = r.text("reason"_L1);
    q.reasonKind = r.text("reason_kind"_L1, Optional);
    q.identityDocument = r.text("identity_document"_L1, Optional);
    q.requestedAt = r.instant("requested_at"_L1);
    q.requestedBy = r.text("requested_by"_L1);
    q.requestedByName = r.text("requested_by_name"_L1, Optional);
    q.status = r.text("status"_L1);
    q.decidedBy = r.text("decided_by"_L1, Optional);
    q.decidedAt = r.instant("decided_at"_L1, Optional);
    q.decisionNote = r.text("decision_note"_L1, Optional);
    return r.result(q);
}

QJsonObject ReleaseRequest::toJson() const
{
    return {{u"id"_s, id},
            {u"account_id"_s, accountId},
            {u"account"_s, account},
            {u"branch_code"_s, branchCode},
            {u"account_type"_s, accountType},
            {u"account_number"_s, accountNumber},
            {u"customer_id"_s, customerId},
            {u"customer_name"_s, textOrNull(customerName)},
            {u"kind"_s, kind},
            {u"failures_today"_s, failuresToday},
            {u"locked_at"_s, instantOrNull(lockedAt)},
            {u"release_at"_s, instantOrNull(releaseAt)},
            {u"reason"_s, reason},
            {u"reason_kind"_s, textOrNull(reasonKind)},
            {u"identity_document"_s, textOrNull(identityDocument)},
            {u"requested_at"_s, instantOrNull(requestedAt)},
            {u"requested_by"_s, requestedBy},
            {u"requested_by_name"_s, requestedByName},
            {u"status"_s, status},
            {u"decided_by"_s, textOrNull(decidedBy)},
            {u"decided_at"_s, instantOrNull(decidedAt)},
            {u"decision_note"_s, textOrNull(decisionNote)}};
}

Result<ReleaseRequestList> ReleaseRequestList::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ReleaseRequestList list;
    list.requests = r.list<ReleaseRequest>("requests"_L1);
    return r.result(list);
}

QJsonObject ReleaseRequestList::toJson() const
{
    return {{u"requests"_s, arrayOf(requests)}};
}

// --- Attempt ---

Result<Attempt> Attempt::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Attempt attempt;
    attempt.id = r.integer("id"_L1);
    attempt.at = r.instant("at"_L1);
    attempt.accountId = r.integer("account_id"_L1, Optional);
    attempt.account = r.text("account"_L1, Optional);
    attempt.customerId = r.integer("customer_id"_L1, Optional);
    attempt.branchCode = r.text("branch_code"_L1, Optional);
    attempt.step = r.text("step"_L1);
    attempt.outcome = r.text("outcome"_L1);
    attempt.code = r.text("code"_L1, Optional);
    attempt.message = r.text("message"_L1, Optional);
    attempt.flowId = r.text("flow_id"_L1, Optional);
    attempt.sourceAddress = r.text("source_address"_L1, Optional);
    attempt.nameKana = r.text("name_kana"_L1, Optional);
    attempt.customerName = r.text("customer_name"_L1, Optional);
    attempt.clientApp = r.text("client_app"_L1, Optional);
    return r.result(attempt);
}

QJsonObject Attempt::toJson() const
{
    return {{u"id"_s, id},
            {u"at"_s, instantOrNull(at)},
            {u"account_id"_s, idOrNull(accountId)},
            {u"account"_s, textOrNull(account)},
            {u"customer_id"_s, idOrNull(customerId)},
            {u"branch_code"_s, textOrNull(branchCode)},
            {u"step"_s, step},
            {u"outcome"_s, outcome},
            {u"code"_s, textOrNull(code)},
            {u"message"_s, textOrNull(message)},
            {u"flow_id"_s, textOrNull(flowId)},
            {u"source_address"_s, sourceAddress},
            {u"name_kana"_s, textOrNull(nameKana)},
            {u"customer_name"_s, textOrNull(customerName)},
            {u"client_app"_s, textOrNull(clientApp)}};
}

// --- AttemptsPage ---

Result<AttemptsPage> AttemptsPage::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AttemptsPage page;
    page.attempts = r.list<Attempt>("attempts"_L1);
    page.nextCursor = r.text("next_cursor"_L1, Optional);
    return r.result(page);
}

QJsonObject AttemptsPage::toJson() const
{
    return {{u"attempts"_s, arrayOf(attempts)}, {u"next_cursor"_s, textOrNull(nextCursor)}};
}

// --- Linkage ---

Result<Linkage> Linkage::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    Linkage linkage;
    linkage.id = r.integer("id"_L1);
    linkage.accountId = r.integer("account_id"_L1);
    linkage.account = r.text("account"_L1, Optional);
    linkage.clientId = r.text("client_id"_L1);
    linkage.clientApp = r.text("client_app"_L1, Optional);
    linkage.provider = r.text("provider"_L1, Optional);
    linkage.scope = r.text("scope"_L1, Optional);
    linkage.grantedAt = r.instant("granted_at"_L1);
    linkage.expiresAt = r.instant("expires_at"_L1);
    linkage.lastUsedAt = r.instant("last_used_at"_L1, Optional);
    linkage.revokedAt = r.instant("revoked_at"_L1, Optional);
    linkage.revokedBy = r.text("revoked_by"_L1, Optional);
    linkage.revokeReason = r.text("revoke_reason"_L1, Optional);
    linkage.state = r.text("state"_L1);
    return r.result(linkage);
}

QJsonObject Linkage::toJson() const
{
    return {{u"id"_s, id},
            {u"account_id"_s, accountId},
            {u"account"_s, account},
            {u"client_id"_s, clientId},
            {u"client_app"_s, clientApp},
            {u"provider"_s, provider},
            {u"scope"_s, scope},
            {u"granted_at"_s, instantOrNull(grantedAt)},
            {u"expires_at"_s, instantOrNull(expiresAt)},
            {u"last_used_at"_s, instantOrNull(lastUsedAt)},
            {u"revoked_at"_s, instantOrNull(revokedAt)},
            {u"revoked_by"_s, textOrNull(revokedBy)},
            {u"revoke_reason"_s, textOrNull(revokeReason)},
            {u"state"_s, state}};
}

// --- LinkageList ---

Result<LinkageList> LinkageList::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    LinkageList list;
    list.linkages = r.list<Linkage>("linkages"_L1);
    return r.result(list);
}

QJsonObject LinkageList::toJson() const
{
    return {{u"linkages"_s, arrayOf(linkages)}};
}

// --- StaffApp ---

Result<StaffApp> StaffApp::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    StaffApp app;
    app.clientId = r.text("client_id"_L1);
    app.name = r.text("name"_L1);
    app.provider = r.text("provider"_L1, Optional);
    app.suspended = r.boolean("suspended"_L1);
    app.suspendedAt = r.instant("suspended_at"_L1, Optional);
    app.suspendedBy = r.text("suspended_by"_L1, Optional);
    app.suspendReason = r.text("suspend_reason"_L1, Optional);
    app.liveLinkages = r.integer("live_linkages"_L1);
    return r.result(app);
}

QJsonObject StaffApp::toJson() const
{
    return {{u"client_id"_s, clientId},
            {u"name"_s, name},
            {u"provider"_s, provider},
            {u"suspended"_s, suspended},
            {u"suspended_at"_s, instantOrNull(suspendedAt)},
            {u"suspended_by"_s, textOrNull(suspendedBy)},
            {u"suspend_reason"_s, textOrNull(suspendReason)},
            {u"live_linkages"_s, liveLinkages}};
}

// --- StaffAppList ---

Result<StaffAppList> StaffAppList::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    StaffAppList list;
    list.apps = r.list<StaffApp>("apps"_L1);
    return r.result(list);
}

QJsonObject StaffAppList::toJson() const
{
    return {{u"apps"_s, arrayOf(apps)}};
}

// --- AppSuspension ---

Result<AppSuspension> AppSuspension::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AppSuspension answer;
    answer.clientId = r.text("client_id"_L1);
    answer.suspended = r.boolean("suspended"_L1);
    answer.at = r.instant("at"_L1);
    return r.result(answer);
}

QJsonObject AppSuspension::toJson() const
{
    return {{u"client_id"_s, clientId}, {u"suspended"_s, suspended}, {u"at"_s, instantOrNull(at)}};
}

// --- StaffEvent ---

Result<StaffEvent> StaffEvent::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    StaffEvent e;
    e.id = r.integer("id"_L1);
    e.kind = r.text("kind"_L1);
    e.at = r.instant("at"_L1);
    e.accountId = r.integer("account_id"_L1, Optional);
    e.branchCode = r.text("branch_code"_L1, Optional);
    e.accountType = r.text("account_type"_L1, Optional);
    e.accountNumber = r.text("account_number"_L1, Optional);
    e.customerId = r.integer("customer_id"_L1, Optional);
    e.customerName = r.text("customer_name"_L1, Optional);
    e.customerPhone = r.text("customer_phone"_L1, Optional);
    e.clientName = r.text("client_name"_L1, Optional);
    e.step = r.text("step"_L1, Optional);
    e.outcome = r.text("outcome"_L1, Optional);
    e.code = r.text("code"_L1, Optional);
    e.lockKind = r.text("lock_kind"_L1, Optional);
    e.day = r.text("day"_L1, Optional);
    e.lockedAt = r.instant("locked_at"_L1, Optional);
    e.releasesAt = r.instant("releases_at"_L1, Optional);
    e.how = r.text("how"_L1, Optional);
    e.releasedAt = r.instant("released_at"_L1, Optional);
    e.staff = r.text("staff"_L1, Optional);
    e.reason = r.text("reason"_L1, Optional);
    e.linkageId = r.integer("linkage_id"_L1, Optional);
    e.clientApp = r.text("client_app"_L1, Optional);
    e.clientId = r.text("client_id"_L1, Optional);
    e.suspended = r.boolean("suspended"_L1, Optional);
    e.requestId = r.integer("request_id"_L1, Optional);
    e.status = r.text("status"_L1, Optional);
    e.requestedBy = r.text("requested_by"_L1, Optional);
    e.note = r.text("note"_L1, Optional);
    return r.result(e);
}

QJsonObject StaffEvent::toJson() const
{
    // Sparse throughout: the backend stores an event's own fields alone and adds the rest (id,
    // time, what it concerns) when it sends the event.
    QJsonObject json;
    insertIfSet(json, "id"_L1, id);
    insertIfSet(json, "kind"_L1, kind);
    insertIfSet(json, "at"_L1, at);
    insertIfSet(json, "account_id"_L1, accountId);
    insertIfSet(json, "branch_code"_L1, branchCode);
    insertIfSet(json, "account_type"_L1, accountType);
    insertIfSet(json, "account_number"_L1, accountNumber);
    insertIfSet(json, "customer_id"_L1, customerId);
    insertIfSet(json, "customer_name"_L1, customerName);
    insertIfSet(json, "customer_phone"_L1, customerPhone);
    insertIfSet(json, "client_name"_L1, clientName);
    insertIfSet(json, "step"_L1, step);
    insertIfSet(json, "outcome"_L1, outcome);
    insertIfSet(json, "code"_L1, code);
    insertIfSet(json, "lock_kind"_L1, lockKind);
    insertIfSet(json, "day"_L1, day);
    insertIfSet(json, "locked_at"_L1, lockedAt);
    insertIfSet(json, "releases_at"_L1, releasesAt);
    insertIfSet(json, "how"_L1, how);
    insertIfSet(json, "released_at"_L1, releasedAt);
    insertIfSet(json, "staff"_L1, staff);
    insertIfSet(json, "reason"_L1, reason);
    insertIfSet(json, "linkage_id"_L1, linkageId);
    insertIfSet(json, "client_app"_L1, clientApp);
    insertIfSet(json, "client_id"_L1, clientId);
    insertIfSet(json, "request_id"_L1, requestId);
    insertIfSet(json, "status"_L1, status);
    insertIfSet(json, "requested_by"_L1, requestedBy);
    insertIfSet(json, "note"_L1, note);
    // A suspension event says which way it went, resumed (false) included.
    if (suspended || kind == u"suspension"_s)
        json.insert(u"suspended"_s, suspended);
    return json;
}

// --- CatalogAnswer, CatalogMatches ---

Result<CatalogAnswer> CatalogAnswer::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CatalogAnswer answer;
    CatalogEntry &entry = answer.entry;
    entry.code = r.text("code"_L1);
    entry.screen = r.text("screen"_L1, Optional);
    if (json.contains(u"http_status"_s))
        entry.httpStatus = r.count("http_status"_L1, Optional);
    entry.customerMessage = r.text("customer_message"_L1);
    entry.customerMessageEn = r.text("customer_message_en"_L1, Optional);
    entry.fromSeeds = r.boolean("from_seeds"_L1, Optional);
    const auto staffText = [&r](QLatin1StringView key) {
        return r.object<StaffText>(key, Optional, staffTextFromJson).value_or(StaffText {});
    };
    entry.meaning = staffText("meaning"_L1);
    entry.cause = staffText("cause"_L1);
    entry.tellCustomer = staffText("tell_customer"_L1);
    answer.score = r.real("score"_L1, Optional);
    return r.result(answer);
}

QJsonObject CatalogAnswer::toJson() const
{
    QJsonObject json {{u"code"_s, entry.code},
                      {u"screen"_s, entry.screen},
                      {u"http_status"_s, entry.httpStatus},
                      {u"customer_message"_s, entry.customerMessage},
                      {u"customer_message_en"_s, entry.customerMessageEn},
                      {u"from_seeds"_s, entry.fromSeeds},
                      {u"meaning"_s, staffTextJson(entry.meaning)},
                      {u"cause"_s, staffTextJson(entry.cause)},
                      {u"tell_customer"_s, staffTextJson(entry.tellCustomer)}};
    if (score)
        json.insert(u"score"_s, *score);
    return json;
}

Result<CatalogMatches> CatalogMatches::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    CatalogMatches matches;
    matches.matches = r.list<CatalogAnswer>("matches"_L1);
    return r.result(matches);
}

QJsonObject CatalogMatches::toJson() const
{
    return {{u"matches"_s, arrayOf(matches)}};
}

// --- closure reasons, ServiceStatus ---

namespace {

struct ClosureReasonName
{
    ClosureReason reason;
    QLatin1StringView name;
};

constexpr ClosureReasonName closureReasonNames[] {
    {ClosureReason::DailyMidnight, "daily_midnight"_L1},
    {ClosureReason::DailyEarlyMorning, "daily_early_morning"_L1},
    {ClosureReason::FirstThirdMonday, "first_third_monday"_L1},
    {ClosureReason::SecondFourthSunday, "second_fourth_sunday"_L1},
    {ClosureReason::NewYear, "new_year"_L1},
    {ClosureReason::Announced, "announced_maintenance"_L1},
};

} // namespace

QString closureReasonName(ClosureReason reason)
{
    for (const ClosureReasonName &entry : closureReasonNames) {
        if (entry.reason == reason)
            return QString(entry.name);
    }
    return {};
}

std::optional<ClosureReason> closureReasonFromName(const QString &name)
{
    for (const ClosureReasonName &entry : closureReasonNames) {
        if (entry.name == name)
            return entry.reason;
    }
    return std::nullopt;
}

Result<ServiceStatus> ServiceStatus::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    ServiceStatus status;
    status.now = r.instant("now"_L1);
    status.open = r.boolean("open"_L1);
    status.closed = r.object<ServiceWindow>("closed"_L1, Optional, windowFromJson);
    status.nextClosure = r.object<ServiceWindow>("next_closure"_L1, Optional, windowFromJson);
    return r.result(status);
}

QJsonObject ServiceStatus::toJson() const
{
    QJsonObject json {{u"now"_s, instantOrNull(now)}, {u"open"_s, open}};
    if (closed)
        json.insert(u"closed"_s, windowJson(*closed));
    if (nextClosure)
        json.insert(u"next_closure"_s, windowJson(*nextClosure));
    return json;
}

// --- the daily report ---

Result<EarlyReleaseRow> EarlyReleaseRow::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    EarlyReleaseRow row;
    row.at = r.instant("at"_L1);
    row.kind = r.text("kind"_L1);
    row.account = r.text("account"_L1);
    row.staff = r.text("staff"_L1, Optional);
    row.staffName = r.text("staff_name"_L1, Optional);
    row.reason = r.text("reason"_L1, Optional);
    return r.result(row);
}

QJsonObject EarlyReleaseRow::toJson() const
{
    return {{u"at"_s, instantOrNull(at)},
            {u"kind"_s, kind},
            {u"account"_s, account},
            {u"staff"_s, textOrNull(staff)},
            {u"staff_name"_s, textOrNull(staffName)},
            {u"reason"_s, textOrNull(reason)}};
}

Result<RevocationRow> RevocationRow::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    RevocationRow row;
    row.at = r.instant("at"_L1);
    row.by = r.text("by"_L1);
    row.reason = r.text("reason"_L1, Optional);
    row.clientApp = r.text("client_app"_L1, Optional);
    row.account = r.text("account"_L1);
    return r.result(row);
}

QJsonObject RevocationRow::toJson() const
{
    return {{u"at"_s, instantOrNull(at)},
            {u"by"_s, by},
            {u"reason"_s, textOrNull(reason)},
            {u"client_app"_s, clientApp},
            {u"account"_s, account}};
}

Result<BranchReport> BranchReport::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    BranchReport branch;
    branch.branchCode = r.text("branch_code"_L1);
    branch.branchName = r.text("branch_name"_L1, Optional);
    branch.attempts = r.count("attempts"_L1);
    branch.completions = r.count("completions"_L1);
    branch.failuresByCode = r.counts("failures_by_code"_L1, Optional);
    const LockCounts locks =
        r.object<LockCounts>("locks"_L1, Optional, lockCountsFromJson).value_or(LockCounts {});
    branch.identityLocks = locks.identity;
    branch.pinLocks = locks.pin;
    branch.midnightReleases = r.count("midnight_releases"_L1, Optional);
    branch.earlyReleases = r.list<EarlyReleaseRow>("early_releases"_L1, Optional);
    branch.revocations = r.list<RevocationRow>("revocations"_L1, Optional);
    return r.result(branch);
}

QJsonObject BranchReport::toJson() const
{
    return {{u"branch_code"_s, branchCode},
            {u"branch_name"_s, branchName},
            {u"attempts"_s, attempts},
            {u"completions"_s, completions},
            {u"failures_by_code"_s, countsJson(failuresByCode)},
            {u"locks"_s, QJsonObject {{u"identity"_s, identityLocks}, {u"pin"_s, pinLocks}}},
            {u"midnight_releases"_s, midnightReleases},
            {u"early_releases"_s, arrayOf(earlyReleases)},
            {u"revocations"_s, arrayOf(revocations)}};
}

Result<DailyReport> DailyReport::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    DailyReport report;
    report.date = r.date("date"_L1);
    report.institutionId = r.text("institution_id"_L1);
    report.branches = r.list<BranchReport>("branches"_L1);
    return r.result(report);
}

QJsonObject DailyReport::toJson() const
{
    return {{u"date"_s, date.toString(Qt::ISODate)},
            {u"institution_id"_s, institutionId},
            {u"branches"_s, arrayOf(branches)}};
}

// --- AuditRow ---

QString AuditRow::result() const
{
    return details.value(u"result"_s).toString();
}

const QStringList &AuditRow::actions()
{
    static const QStringList names {
        u"session.sign_in"_s,       u"session.sign_out"_s,
        u"customer.search"_s,       u"customer.view"_s,
        u"customer.attempts"_s,     u"customer.linkages"_s,
        u"attempts.list"_s,         u"lock.release"_s,
        u"lock.release_requests"_s, u"lock.release_approve"_s,
        u"lock.release_reject"_s,   u"linkage.revoke"_s,
        u"app.suspend"_s,           u"app.resume"_s,
        u"report.daily"_s,          u"audit.read"_s,
        u"customer.caller_check"_s,
    };
    return names;
}

Result<AuditRow> AuditRow::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AuditRow row;
    row.seq = r.integer("seq"_L1);
    row.at = r.instant("at"_L1);
    row.staffId = r.integer("staff_id"_L1, Optional);
    row.username = r.text("username"_L1);
    row.role = r.text("role"_L1, Optional);
    row.action = r.text("action"_L1);
    row.target = r.text("target"_L1, Optional);
    row.reason = r.text("reason"_L1, Optional);
    row.sourceAddress = r.text("source_address"_L1, Optional);
    row.details = r.jsonObject("details"_L1, Optional);
    row.hash = r.text("hash"_L1);
    return r.result(row);
}

QJsonObject AuditRow::toJson() const
{
    return {{u"seq"_s, seq},
            {u"at"_s, instantOrNull(at)},
            {u"staff_id"_s, idOrNull(staffId)},
            {u"username"_s, username},
            {u"role"_s, role},
            {u"action"_s, action},
            {u"target"_s, target},
            {u"reason"_s, reason},
            {u"source_address"_s, sourceAddress},
            {u"details"_s, details},
            {u"hash"_s, hash}};
}

// --- AuditPage ---

Result<AuditPage> AuditPage::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AuditPage page;
    page.rows = r.list<AuditRow>("rows"_L1);
    page.nextCursor = r.text("next_cursor"_L1, Optional);
    return r.result(page);
}

QJsonObject AuditPage::toJson() const
{
    return {{u"rows"_s, arrayOf(rows)}, {u"next_cursor"_s, textOrNull(nextCursor)}};
}

// --- AuditChainState ---

Result<AuditChainState> AuditChainState::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    AuditChainState state;
    state.intact = r.boolean("intact"_L1);
    state.rowsChecked = r.integer("rows_checked"_L1);
    state.intactThroughSeq = r.integer("intact_through_seq"_L1, Optional);
    state.checkpointSeq = r.integer("checkpoint_seq"_L1, Optional);
    state.checkpointAt = r.instant("checkpoint_at"_L1, Optional);
    state.brokenAtSeq = r.integer("broken_at_seq"_L1, Optional);
    state.breakKind = r.text("break_kind"_L1, Optional);
    state.checkedAt = r.instant("checked_at"_L1);
    return r.result(state);
}

QJsonObject AuditChainState::toJson() const
{
    return {{u"intact"_s, intact},
            {u"rows_checked"_s, rowsChecked},
            {u"intact_through_seq"_s, idOrNull(intactThroughSeq)},
            {u"checkpoint_seq"_s, idOrNull(checkpointSeq)},
            {u"checkpoint_at"_s, instantOrNull(checkpointAt)},
            {u"broken_at_seq"_s, idOrNull(brokenAtSeq)},
            {u"break_kind"_s, textOrNull(breakKind)},
            {u"checked_at"_s, instantOrNull(checkedAt)}};
}

} // namespace tc::protocol
