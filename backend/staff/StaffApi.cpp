#include "StaffApi.h"

#include "AuditChainWatch.h"
#include "AuditLog.h"
#include "Clock.h"
#include "Database.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "EventLog.h"
#include "FlowService.h"
#include "JsonInput.h"
#include "KeysetCursor.h"
#include "LockStore.h"
#include "Protocol.h"
#include "StaffAccounts.h"
#include "StaffPermissions.h"
#include "StaffStore.h"
#include "TokyoTime.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaffApi, "tc.backend.staff.api")

namespace tc::backend::staff {

using http::HttpRequest;
using http::HttpResponse;
using permissions::StaffAction;

namespace {

constexpr int MaxReasonLength = 500;
constexpr int DefaultPageSize = 50;
constexpr int MaxPageSize = 200;

Error codeError(QLatin1StringView code, const QString &detail = {})
{
    return Error {QString(code), detail};
}

// What a staff call answers when it succeeds.
struct Reply
{
    int status = 200;
    QJsonObject body;
};

// One authenticated staff call.
struct Call
{
    const StaffApiContext &context;
    const HttpRequest &request;
    StaffPrincipal caller;
    QDateTime now;
    qint64 nowMs = 0;

    // Runs `work`, a change, in one transaction together with its audit row. Refusals (S04,
    // S06, …) are audited too: who tried to see or change what is as telling as what they did.
    // Only a system error rolls the whole call back, audit row included.
    template<typename Work>
    Result<Reply> audited(const QString &action, const QString &target, const QString &reason,
                          const QJsonObject &details, Work &&work)
    {
        return context.database->transaction<Reply>([&](QSqlDatabase &tx) -> Result<Reply> {
            Result<Reply> result = work(tx);
            if (!isOutcome(result))
                return result;
            if (!context.audit->append(tx, record(action, target, reason, details, result)))
                return codeError(codes::SystemError);
            return result;
        });
    }

    // Runs `work`, which only reads, then appends its audit row (refusals included) in a
    // transaction shared with other calls' rows; the answer leaves only once the row is
    // committed. The read holds no write lock and no place in the chain while it runs.
    template<typename Work>
    Result<Reply> auditedRead(const QString &action, const QString &target,
                              const QJsonObject &details, Work &&work)
    {
        Result<Reply> result = context.database->readTransaction<Reply>(work);
        if (!isOutcome(result))
            return result;
        if (!context.audit->appendCommitted(record(action, target, QString(), details, result)))
            return codeError(codes::SystemError);
        return result;
    }

    // An answer or a refusal from the catalog, as opposed to a system error.
    static bool isOutcome(const Result<Reply> &result)
    {
        return result
            || (ErrorCatalog::builtIn().find(result.error().key)
                && result.error().key != codes::SystemError);
    }

    audit::AuditRecord record(const QString &action, const QString &target, const QString &reason,
                              QJsonObject details, const Result<Reply> &result) const
    {
        // The audit view filters by these names: a new action goes in the list first.
        Q_ASSERT(protocol::AuditRow::actions().contains(action));
        details.insert(u"result"_s, result ? u"ok"_s : result.error().key);
        return audit::AuditRecord {.atMs = nowMs,
                                   .institutionId = caller.institutionId,
                                   .staffId = caller.staffId,
                                   .username = caller.username,
                                   .role = roleName(caller.role),
                                   .action = action,
                                   .target = target,
                                   .reason = reason,
                                   .sourceAddress = request.peer.toString(),
                                   .details = details};
    }

    // 403 S04 unless the caller's role may take `action` (core/StaffPermissions).
    Status require(permissions::StaffAction action) const
    {
        return caller.may(action) ? Status(Success {}) : Status(codeError(codes::StaffForbidden));
    }
};

using CallHandler = std::function<Result<Reply>(Call &)>;

http::Router::Handler authenticated(std::shared_ptr<const StaffApiContext> shared,
                                    CallHandler handler)
{
    return [shared = std::move(shared), handler = std::move(handler)](const HttpRequest &request) {
        const StaffApiContext &context = *shared;
        Result<StaffPrincipal> caller = context.accounts->authenticate(
            request.header("authorization"), request.peer.toString());
        if (!caller)
            return staffErrorResponse(caller.error());
        const QDateTime now = context.clock->now();
        Call call {context, request, caller.value(), now, now.toMSecsSinceEpoch()};
        const Result<Reply> reply = handler(call);
        if (!reply)
            return staffErrorResponse(reply.error());
        return HttpResponse::json(reply->status, reply->body);
    };
}

// The query parameters of a call, each at most once and none other than `allowed`.
Result<QHash<QString, QString>> queryParameters(const HttpRequest &request,
                                                const QStringList &allowed)
{
    QHash<QString, QString> values;
    for (const auto &[rawKey, rawValue] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (!allowed.contains(rawKey))
            return codeError(codes::MalformedRequest,
                             u"unknown parameter: %1"_s.arg(rawKey.left(40)));
        if (values.contains(rawKey))
            return codeError(codes::MalformedRequest, u"parameter given twice: %1"_s.arg(rawKey));
        if (rawValue.size() > 256)
            return codeError(codes::MalformedRequest, u"parameter too long: %1"_s.arg(rawKey));
        values.insert(rawKey, rawValue);
    }
    return values;
}

Result<int> pageSize(const QHash<QString, QString> &parameters)
{
    if (!parameters.contains(u"limit"_s))
        return DefaultPageSize;
    bool ok = false;
    const int limit = parameters.value(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1 || limit > MaxPageSize)
        return codeError(codes::MalformedRequest,
                         u"limit must be a number from 1 to %1"_s.arg(MaxPageSize));
    return limit;
}

// A path id: a positive integer; anything else names nothing (S06).
Result<qint64> pathId(const HttpRequest &request, const QString &name)
{
    static const QRegularExpression digits(u"^[1-9][0-9]{0,17}$"_s);
    const QString text = request.pathParam(name);
    if (!digits.match(text).hasMatch())
        return codeError(codes::StaffNotFound);
    return text.toLongLong();
}

// The reason of a change: a JSON body {"reason": "…"} (or `?reason=` for clients that send
// no body with DELETE). Required and at most MaxReasonLength characters.
Result<QString> requiredReason(const HttpRequest &request)
{
    QString reason;
    if (!request.body.trimmed().isEmpty()) {
        const Result<api::JsonInput> input =
            api::JsonInput::read(request, {{.name = u"reason"_s, .maxLength = MaxReasonLength}});
        if (!input)
            return input.error();
        reason = input->string(u"reason"_s);
    } else {
        const Result<QHash<QString, QString>> query = queryParameters(request, {u"reason"_s});
        if (!query)
            return query.error();
        reason = query->value(u"reason"_s);
        if (reason.size() > MaxReasonLength)
            return codeError(codes::MalformedRequest, u"reason is too long"_s);
    }
    reason = reason.trimmed();
    if (reason.isEmpty())
        return codeError(codes::StaffReasonRequired);
    return reason;
}

// The body of a release or a revocation, protocol::StaffChange (or `?reason=` alone, for
// clients that send no body with DELETE). The reason is required (S05); how the customer's
// identity was confirmed is checked against the caller's role by identityProven().
Result<protocol::StaffChange> requiredChange(const HttpRequest &request)
{
    using protocol::StaffChange;
    if (request.body.trimmed().isEmpty()) {
        const Result<QString> reason = requiredReason(request);
        if (!reason)
            return reason.error();
        return StaffChange {.reason = reason.value()};
    }
    const Result<api::JsonInput> input =
        api::JsonInput::read(request,
                             {{.name = u"reason"_s, .maxLength = MaxReasonLength},
                              {.name = u"reason_kind"_s, .maxLength = 40},
                              {.name = u"identity_document"_s, .maxLength = 40},
                              {.name = u"caller_check_id"_s, .maxLength = 100}});
    if (!input)
        return input.error();
    const Result<StaffChange> decoded = StaffChange::fromJson(request.jsonObject().value());
    // JsonInput has checked every field's type: what is left to fail is a missing reason.
    if (!decoded)
        return codeError(codes::StaffReasonRequired);
    StaffChange change = decoded.value();
    change.reason = change.reason.trimmed();
    if (change.reason.isEmpty())
        return codeError(codes::StaffReasonRequired);
    if (!change.reasonKind.isEmpty() && !StaffChange::reasonKinds().contains(change.reasonKind))
        return codeError(codes::MalformedRequest,
                         u"reason_kind must be one of: "_s
                             + StaffChange::reasonKinds().join(u", "_s));
    if (!change.identityDocument.isEmpty()
        && !StaffChange::identityDocuments().contains(change.identityDocument))
        return codeError(codes::MalformedRequest,
                         u"identity_document must be one of: "_s
                             + StaffChange::identityDocuments().join(u", "_s));
    return change;
}

// How the identity was confirmed, for the change's audit row (never the customer's data).
QJsonObject proofDetails(const protocol::StaffChange &change)
{
    QJsonObject details;
    if (!change.reasonKind.isEmpty())
        details.insert(u"reason_kind"_s, change.reasonKind);
    if (!change.identityDocument.isEmpty())
        details.insert(u"identity_document"_s, change.identityDocument);
    if (!change.callerCheckId.isEmpty())
        details.insert(u"caller_check_id"_s, change.callerCheckId);
    return details;
}

std::optional<LockKind> lockKindFromPath(const QString &text)
{
    if (text == u"identity"_s)
        return LockKind::Identity;
    if (text == u"pin"_s)
        return LockKind::Pin;
    return std::nullopt;
}

// Publishes an event of a staff action; `ownFields` names its kind and the kind's fields (the
// stream adds what it concerns from the account).
Status publish(const QSqlDatabase &tx, const Call &call, const StaffStore::ScopedAccount *account,
               const protocol::StaffEvent &ownFields)
{
    events::Event event {.institutionId = call.caller.institutionId,
                         .kind = ownFields.kind,
                         .payload = ownFields.toJson(),
                         .atMs = call.nowMs};
    if (account) {
        event.branchId = account->branchId;
        event.customerId = account->customerId;
        event.accountId = account->accountId;
    }
    if (const Status published = events::publish(tx, event); !published)
        return codeError(codes::SystemError);
    return Success {};
}

// A protocol type's answer (200), or the error that stopped it.
template<typename Answer>
Result<Reply> ok(const Result<Answer> &answer)
{
    if (!answer)
        return answer.error();
    return Reply {200, answer->toJson()};
}

protocol::AuditRow auditRowAnswer(const audit::AuditRow &row)
{
    const audit::AuditRecord &r = row.record;
    return {.seq = row.seq,
            .at = QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC),
            .staffId = r.staffId.value_or(0),
            .username = r.username,
            .role = r.role,
            .action = r.action,
            .target = r.target,
            .reason = r.reason,
            .sourceAddress = r.sourceAddress,
            .details = r.details,
            .hash = QString::fromLatin1(row.hash.toHex())};
}

// --- the calls ---

Result<Reply> searchCustomers(Call &call)
{
    const Result<QHash<QString, QString>> query = queryParameters(
        call.request, {u"branch_code"_s, u"account_number"_s, u"name_kana"_s, u"phone"_s});
    if (!query)
        return query.error();
    const StaffStore::CustomerSearch search {.branchCode = query->value(u"branch_code"_s),
                                             .accountNumber = query->value(u"account_number"_s),
                                             .nameKana = query->value(u"name_kana"_s),
                                             .phone = query->value(u"phone"_s)};
    QJsonObject criteria;
    for (auto it = query->cbegin(); it != query->cend(); ++it)
        criteria.insert(it.key(), it.value());
    return call.auditedRead(
        u"customer.search"_s, QString(), QJsonObject {{u"criteria"_s, criteria}},
        [&](QSqlDatabase &tx) { return ok(StaffStore::searchCustomers(tx, call.caller, search)); });
}

Result<Reply> customerDetail(Call &call)
{
    const Result<qint64> id = pathId(call.request, u"id"_s);
    if (!id)
        return id.error();
    return call.auditedRead(
        u"customer.view"_s, u"customer:%1"_s.arg(id.value()), {}, [&](QSqlDatabase &tx) {
            return ok(StaffStore::customerDetail(tx, call.caller, id.value(), call.now));
        });
}

Result<Reply> customerAttempts(Call &call)
{
    const Result<qint64> id = pathId(call.request, u"id"_s);
    if (!id)
        return id.error();
    const Result<QHash<QString, QString>> query =
        queryParameters(call.request, {u"cursor"_s, u"limit"_s});
    if (!query)
        return query.error();
    const Result<int> limit = pageSize(query.value());
    if (!limit)
        return limit.error();
    const QString cursor = query->value(u"cursor"_s);
    return call.auditedRead(
        u"customer.attempts"_s, u"customer:%1"_s.arg(id.value()),
        QJsonObject {{u"cursor"_s, cursor}}, [&](QSqlDatabase &tx) {
            return ok(StaffStore::attemptsPage(tx, call.caller, id.value(), cursor, limit.value()));
        });
}

// A bound of a period: an ISO 8601 instant that names its offset ("2026-11-24T05:00:00Z"), or
// a Tokyo day "YYYY-MM-DD", which stands for its 00:00 as a start and for the next day's 00:00
// as an end (so that to=2026-11-24 includes that day).
Result<QDateTime> periodBound(const QString &name, const QString &text, bool isEnd)
{
    static const QRegularExpression dayPattern(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    if (dayPattern.match(text).hasMatch()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            return tokyoMidnight(isEnd ? day.addDays(1) : day);
    } else {
        const QDateTime instant = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (instant.isValid() && instant.timeSpec() != Qt::LocalTime)
            return instant.toUTC();
    }
    return codeError(
        codes::MalformedRequest,
        u"%1 must be YYYY-MM-DD (a Tokyo day) or an ISO 8601 time with its offset"_s.arg(name));
}

// What the branch activity view asks: the period (today in Tokyo unless given), the filters
// and the page.
Result<StaffStore::BranchAttempts> branchAttemptsRequest(const QHash<QString, QString> &query,
                                                         const QDateTime &now)
{
    StaffStore::BranchAttempts request {.branchCode = query.value(u"branch_code"_s),
                                        .cursor = query.value(u"cursor"_s)};
    if (const QString to = query.value(u"to"_s); !to.isEmpty()) {
        const Result<QDateTime> bound = periodBound(u"to"_s, to, true);
        if (!bound)
            return bound.error();
        request.to = bound.value();
    }
    if (const QString from = query.value(u"from"_s); !from.isEmpty()) {
        const Result<QDateTime> bound = periodBound(u"from"_s, from, false);
        if (!bound)
            return bound.error();
        request.from = bound.value();
    } else {
        // The Tokyo day of the period's end: today, or the day `to` closes.
        request.from =
            tokyoMidnight(tokyoDate(request.to.isValid() ? request.to.addMSecs(-1) : now));
    }
    if (request.to.isValid() && request.from >= request.to)
        return codeError(codes::MalformedRequest, u"from must be before to"_s);
    if (const QString code = query.value(u"code"_s); !code.isEmpty()) {
        static const QRegularExpression codePattern(u"^[A-Za-z][0-9]{2}$"_s);
        const CatalogEntry *entry =
            codePattern.match(code).hasMatch() ? ErrorCatalog::builtIn().find(code) : nullptr;
        if (!entry)
            return codeError(codes::MalformedRequest, u"code is not a catalog code"_s);
        request.code = entry->code;
    }
    request.outcome = query.value(u"outcome"_s);
    static const QStringList outcomes {u"success"_s, u"failure"_s, u"refused"_s, u"cancelled"_s};
    if (!request.outcome.isEmpty() && !outcomes.contains(request.outcome))
        return codeError(codes::MalformedRequest,
                         u"outcome must be one of: %1"_s.arg(outcomes.join(u", "_s)));
    const Result<int> limit = pageSize(query);
    if (!limit)
        return limit.error();
    request.limit = limit.value();
    return request;
}

Result<Reply> branchAttempts(Call &call)
{
    const Result<QHash<QString, QString>> query = queryParameters(
        call.request,
        {u"branch_code"_s, u"from"_s, u"to"_s, u"code"_s, u"outcome"_s, u"cursor"_s, u"limit"_s});
    if (!query)
        return query.error();
    const Result<StaffStore::BranchAttempts> request =
        branchAttemptsRequest(query.value(), call.now);
    if (!request)
        return request.error();
    const QJsonObject details {
        {u"from"_s, utcIsoText(request->from)},
        {u"to"_s, request->to.isValid() ? QJsonValue(utcIsoText(request->to)) : QJsonValue()},
        {u"code"_s, request->code},
        {u"outcome"_s, request->outcome},
        {u"cursor"_s, request->cursor}};
    const QString target =
        request->branchCode.isEmpty() ? QString() : u"branch:%1"_s.arg(request->branchCode);
    return call.auditedRead(u"attempts.list"_s, target, details, [&](QSqlDatabase &tx) {
        return ok(StaffStore::branchAttempts(tx, call.caller, request.value()));
    });
}

Result<Reply> customerLinkages(Call &call)
{
    const Result<qint64> id = pathId(call.request, u"id"_s);
    if (!id)
        return id.error();
    return call.auditedRead(
        u"customer.linkages"_s, u"customer:%1"_s.arg(id.value()), {}, [&](QSqlDatabase &tx) {
            return ok(StaffStore::linkages(tx, call.caller, id.value(), call.now));
        });
}

// A lock released now, by a staff member or on a supervisor's approval.
QJsonObject releasedAnswer(const QDateTime &now)
{
    return protocol::LockReleaseAnswer {.status = u"released"_s, .releasedAt = now}.toJson();
}

// What the caller's role must show to change something of customer `customerId`
// (core/StaffPermissions.h identityProofFor): supervisors nothing beyond the reason; support a
// passed caller check of that customer, made by the same staff user, not expired (else S11);
// tellers the identity document seen at the counter, or such a check (S11 when the check named
// is not valid), else S13.
Status identityProven(const QSqlDatabase &tx, const Call &call, qint64 customerId,
                      const protocol::StaffChange &change)
{
    using permissions::IdentityProof;
    const auto passedCallerCheck = [&]() -> Status {
        const Result<bool> valid =
            CallerChecks::isValid(tx, call.caller, change.callerCheckId, customerId, call.nowMs);
        if (!valid)
            return valid.error();
        return valid.value() ? Status(Success {})
                             : Status(codeError(codes::StaffCallerCheckRequired));
    };
    switch (permissions::identityProofFor(roleName(call.caller.role))) {
    case IdentityProof::None:
        return Success {};
    case IdentityProof::CallerCheck:
        return passedCallerCheck();
    case IdentityProof::DocumentOrCallerCheck:
        if (change.reasonKind == u"counter_document"_s && !change.identityDocument.isEmpty())
            return Success {};
        if (change.reasonKind == u"phone_caller_check"_s)
            return passedCallerCheck();
        break;
    }
    return codeError(codes::StaffIdentityProofRequired);
}

// Ends a lock now and tells the streams; the account is in scope already.
Status releaseAndPublish(const QSqlDatabase &tx, const Call &call,
                         const StaffStore::ScopedAccount &account, LockKind kind, QDate day,
                         const QString &reason)
{
    if (Status released =
            StaffStore::releaseLock(tx, call.caller, account, kind, day, reason, call.nowMs);
        !released)
        return released;
    return publish(tx, call, &account,
                   {.kind = QString(events::kinds::Release),
                    .lockKind = LockStore::kindName(kind),
                    .day = day.toString(Qt::ISODate),
                    .how = u"released_by_staff"_s,
                    .staff = call.caller.username,
                    .reason = reason});
}

// Tells the streams that an early-release request was made (pending) or decided: the
// supervisors' queues and the requester's customer view follow it live.
Status publishRequest(const QSqlDatabase &tx, const Call &call,
                      const StaffStore::ScopedAccount &account, qint64 requestId,
                      QLatin1StringView status, LockKind kind, QDate day,
                      const QString &requestedBy, const QString &reason, const QString &note = {})
{
    return publish(tx, call, &account,
                   {.kind = QString(events::kinds::ReleaseRequest),
                    .lockKind = LockStore::kindName(kind),
                    .day = day.toString(Qt::ISODate),
                    .staff = call.caller.username,
                    .reason = reason,
                    .requestId = requestId,
                    .status = QString(status),
                    .requestedBy = requestedBy,
                    .note = note});
}

Result<Reply> releaseLock(Call &call)
{
    const Result<qint64> accountId = pathId(call.request, u"id"_s);
    if (!accountId)
        return accountId.error();
    const std::optional<LockKind> kind = lockKindFromPath(call.request.pathParam(u"kind"_s));
    if (!kind)
        return codeError(codes::StaffNotFound);
    const Result<protocol::StaffChange> change = requiredChange(call.request);
    if (!change)
        return change.error();
    const QString reason = change->reason;
    const QString target =
        u"account:%1/lock:%2"_s.arg(accountId.value()).arg(LockStore::kindName(*kind));
    return call.audited(
        u"lock.release"_s, target, reason, proofDetails(change.value()),
        [&](QSqlDatabase &tx) -> Result<Reply> {
            if (Status allowed = call.require(StaffAction::ReleaseLock); !allowed)
                return allowed.error();
            const Result<StaffStore::ScopedAccount> account =
                StaffStore::accountInScope(tx, call.caller, accountId.value());
            if (!account)
                return account.error();
            // A request under two-person control is the action: the same proof goes with it.
            if (Status proven = identityProven(tx, call, account->customerId, change.value());
                !proven)
                return proven.error();
            auto approval = runQuery(tx,
                                     u"SELECT early_release_needs_approval FROM institutions "
                                     "WHERE id = ?"_s,
                                     {call.caller.institutionId}, u"staff: approval rule"_s);
            if (!approval)
                return approval.error();
            const bool needsApproval = approval->next() && approval->value(0).toInt() != 0;
            approval->finish();
            const QDate today = tokyoDate(call.now);
            // Under two-person control every early release is a request, a supervisor's too:
            // another supervisor approves it.
            if (needsApproval) {
                const Result<qint64> request = StaffStore::requestRelease(
                    tx, call.caller, account.value(), *kind, today, change.value(), call.nowMs);
                if (!request)
                    return request.error();
                if (Status published = publishRequest(tx, call, account.value(), request.value(),
                                                      protocol::ReleaseRequest::Pending, *kind,
                                                      today, call.caller.username, reason);
                    !published)
                    return published.error();
                const CatalogEntry *pending =
                    ErrorCatalog::builtIn().find(QString(codes::StaffApprovalPending));
                return Reply {202,
                              protocol::LockReleaseAnswer {.status = u"pending_approval"_s,
                                                           .requestId = request.value(),
                                                           .code = pending->code,
                                                           .message = pending->customerMessage}
                                  .toJson()};
            }
            if (Status released =
                    releaseAndPublish(tx, call, account.value(), *kind, today, reason);
                !released)
                return released.error();
            return Reply {200, releasedAnswer(call.now)};
        });
}

Result<Reply> listReleaseRequests(Call &call)
{
    if (const Result<QHash<QString, QString>> query = queryParameters(call.request, {}); !query)
        return query.error();
    return call.auditedRead(u"lock.release_requests"_s, QString(), {}, [&](QSqlDatabase &tx) {
        return ok(StaffStore::releaseRequests(tx, call.caller, tokyoDate(call.now)));
    });
}

Result<Reply> decideReleaseRequest(Call &call, bool approve)
{
    const Result<qint64> requestId = pathId(call.request, u"id"_s);
    if (!requestId)
        return requestId.error();
    QString note;
    if (approve) {
        if (!call.request.body.trimmed().isEmpty()) {
            const Result<api::JsonInput> input = api::JsonInput::read(
                call.request, {{.name = u"note"_s, .maxLength = MaxReasonLength}});
            if (!input)
                return input.error();
            note = input->string(u"note"_s).trimmed();
        }
    } else {
        const Result<QString> reason = requiredReason(call.request);
        if (!reason)
            return reason.error();
        note = reason.value();
    }
    const QString action = approve ? u"lock.release_approve"_s : u"lock.release_reject"_s;
    return call.audited(
        action, u"release-request:%1"_s.arg(requestId.value()), note, {},
        [&](QSqlDatabase &tx) -> Result<Reply> {
            if (Status allowed = call.require(StaffAction::DecideReleaseRequest); !allowed)
                return allowed.error();
            const Result<StaffStore::ReleaseRequest> request =
                StaffStore::releaseRequest(tx, call.caller, requestId.value());
            if (!request)
                return request.error();
            if (request->status != u"pending"_s)
                return codeError(codes::StaffAlreadyDone);
            if (request->requestedBy == call.caller.staffId)
                return codeError(codes::StaffSameApprover);
            const Result<StaffStore::ScopedAccount> account =
                StaffStore::accountInScope(tx, call.caller, request->accountId);
            if (!account)
                return account.error();
            const auto announce = [&](QLatin1StringView status) {
                return publishRequest(tx, call, account.value(), request->id, status, request->kind,
                                      request->day, request->requestedByUsername, request->reason,
                                      note);
            };
            if (!approve) {
                if (Status decided = StaffStore::decideRequest(tx, call.caller, request->id,
                                                               u"rejected"_s, note, call.nowMs);
                    !decided)
                    return decided.error();
                if (Status published = announce(protocol::ReleaseRequest::Rejected); !published)
                    return published.error();
                return Reply {200, {{u"status"_s, u"rejected"_s}}};
            }
            // A request of an earlier day lapsed with its lock at 00:00.
            const bool sameDay = request->day == tokyoDate(call.now);
            const Status released = sameDay
                ? releaseAndPublish(tx, call, account.value(), request->kind, request->day,
                                    request->reason)
                : Status(codeError(codes::StaffNothingToRelease));
            if (!released && released.error().key != codes::StaffNothingToRelease)
                return released.error();
            const QLatin1StringView status =
                released ? protocol::ReleaseRequest::Approved : protocol::ReleaseRequest::Lapsed;
            if (Status decided = StaffStore::decideRequest(tx, call.caller, request->id,
                                                           QString(status), note, call.nowMs);
                !decided)
                return decided.error();
            if (Status published = announce(status); !published)
                return published.error();
            if (!released)
                return released.error();
            return Reply {200, releasedAnswer(call.now)};
        });
}

Result<Reply> revokeLinkage(Call &call)
{
    const Result<qint64> linkageId = pathId(call.request, u"id"_s);
    if (!linkageId)
        return linkageId.error();
    const Result<protocol::StaffChange> change = requiredChange(call.request);
    if (!change)
        return change.error();
    const QString reason = change->reason;
    return call.audited(
        u"linkage.revoke"_s, u"linkage:%1"_s.arg(linkageId.value()), reason,
        proofDetails(change.value()), [&](QSqlDatabase &tx) -> Result<Reply> {
            if (Status allowed = call.require(StaffAction::RevokeLinkage); !allowed)
                return allowed.error();
            const Result<StaffStore::ScopedLinkage> linkage =
                StaffStore::linkageInScope(tx, call.caller, linkageId.value());
            if (!linkage)
                return linkage.error();
            if (Status proven =
                    identityProven(tx, call, linkage->account.customerId, change.value());
                !proven)
                return proven.error();
            if (Status revoked =
                    StaffStore::revokeLinkage(tx, call.caller, linkage.value(), reason, call.nowMs);
                !revoked)
                return revoked.error();
            if (Status published = publish(tx, call, &linkage->account,
                                           {.kind = QString(events::kinds::Revocation),
                                            .staff = call.caller.username,
                                            .reason = reason,
                                            .linkageId = linkageId.value(),
                                            .clientApp = linkage->clientName});
                !published)
                return published.error();
            return Reply {
                200,
                protocol::LinkageRevocation {.status = u"revoked"_s, .revokedAt = call.now}
                    .toJson()};
        });
}

// POST …/customers/{id}/caller-check: what a caller on the phone says, compared with the stored
// data. The audit row keeps which fields were given and each one's result, never what was typed.
Result<Reply> callerCheck(Call &call)
{
    const Result<qint64> id = pathId(call.request, u"id"_s);
    if (!id)
        return id.error();
    const Result<api::JsonInput> input =
        api::JsonInput::read(call.request,
                             {{.name = u"name_kana"_s, .maxLength = 100},
                              {.name = u"birth_date"_s, .maxLength = 20},
                              {.name = u"phone"_s, .maxLength = 40},
                              {.name = u"branch_code"_s, .maxLength = 10},
                              {.name = u"account_number"_s, .maxLength = 20}});
    if (!input)
        return input.error();
    const Result<protocol::CallerCheckRequest> said =
        protocol::CallerCheckRequest::fromJson(call.request.jsonObject().value());
    if (!said)
        return codeError(codes::MalformedRequest, said.error().message);
    // Filled in by the check itself: audited() writes the row after the work is done.
    QJsonObject details;
    return call.audited(u"customer.caller_check"_s, u"customer:%1"_s.arg(id.value()), QString(),
                        details, [&](QSqlDatabase &tx) -> Result<Reply> {
                            if (Status allowed = call.require(StaffAction::CallerCheck); !allowed)
                                return allowed.error();
                            const Result<protocol::CallerCheckResult> checked =
                                CallerChecks::check(tx, call.caller, id.value(), said.value(),
                                                    call.context.callerCheckLimits, call.nowMs);
                            if (!checked)
                                return checked.error();
                            details = {{u"check_id"_s, checked->checkId},
                                       {u"passed"_s, checked->passed},
                                       {u"fields"_s, checked->toJson().value(u"fields"_s)}};
                            return Reply {200, checked->toJson()};
                        });
}

Result<Reply> listApps(Call &call)
{
    if (const Result<QHash<QString, QString>> query = queryParameters(call.request, {}); !query)
        return query.error();
    const Result<QList<protocol::StaffApp>> apps =
        StaffStore::clientApps(call.context.database->connection(), call.caller, call.nowMs);
    if (!apps)
        return apps.error();
    return Reply {200, protocol::StaffAppList {apps.value()}.toJson()};
}

Result<Reply> setAppSuspended(Call &call, bool suspended)
{
    const QString clientId = call.request.pathParam(u"client_id"_s);
    const Result<QString> reason = requiredReason(call.request);
    if (!reason)
        return reason.error();
    return call.audited(
        suspended ? u"app.suspend"_s : u"app.resume"_s, u"app:%1"_s.arg(clientId.left(100)),
        reason.value(), {}, [&](QSqlDatabase &tx) -> Result<Reply> {
            if (Status allowed = call.require(StaffAction::SuspendApp); !allowed)
                return allowed.error();
            const Result<QString> name = StaffStore::setAppSuspended(
                tx, call.caller, clientId, suspended, reason.value(), call.nowMs);
            if (!name)
                return name.error();
            if (Status published = publish(tx, call, nullptr,
                                           {.kind = QString(events::kinds::Suspension),
                                            .staff = call.caller.username,
                                            .reason = reason.value(),
                                            .clientApp = name.value(),
                                            .clientId = clientId,
                                            .suspended = suspended});
                !published)
                return published.error();
            return Reply {200,
                          protocol::AppSuspension {clientId, suspended, call.now.toUTC()}.toJson()};
        });
}

Result<Reply> explainCode(Call &call)
{
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(call.request.pathParam(u"code"_s));
    if (!entry)
        return codeError(codes::StaffNotFound);
    return Reply {200, protocol::CatalogAnswer {.entry = *entry, .score = std::nullopt}.toJson()};
}

Result<Reply> matchMessage(Call &call)
{
    const Result<QHash<QString, QString>> query = queryParameters(call.request, {u"message"_s});
    if (!query)
        return query.error();
    const QString message = query->value(u"message"_s).trimmed();
    if (message.isEmpty())
        return codeError(codes::MalformedRequest, u"message is required"_s);
    protocol::CatalogMatches matches;
    for (const CatalogMatch &match : ErrorCatalog::builtIn().matchMessage(message))
        matches.matches.append({.entry = *match.entry, .score = match.score});
    return Reply {200, matches.toJson()};
}

Result<Reply> serviceStatus(Call &call)
{
    if (const Result<QHash<QString, QString>> query = queryParameters(call.request, {}); !query)
        return query.error();
    const Result<ServiceCalendar> calendar =
        call.context.flows->calendarFor(call.caller.institutionId);
    if (!calendar)
        return calendar.error();
    const protocol::ServiceStatus status {.now = call.now,
                                          .open = calendar->isOpen(call.now),
                                          .closed = calendar->windowAt(call.now),
                                          .nextClosure = calendar->nextWindow(call.now)};
    return Reply {200, status.toJson()};
}

Result<Reply> dailyReport(Call &call)
{
    const Result<QHash<QString, QString>> query =
        queryParameters(call.request, {u"date"_s, u"branch_code"_s});
    if (!query)
        return query.error();
    const QString dateText = query->value(u"date"_s);
    const QDate day = QDate::fromString(dateText, Qt::ISODate);
    if (dateText.size() != 10 || !day.isValid())
        return codeError(codes::MalformedRequest, u"date must be YYYY-MM-DD"_s);
    const QString branchCode = query->value(u"branch_code"_s);
    return call.auditedRead(
        u"report.daily"_s, u"report:%1/%2"_s.arg(dateText, branchCode), {},
        [&](QSqlDatabase &tx) -> Result<Reply> {
            if (Status allowed = call.require(StaffAction::DailyReport); !allowed)
                return allowed.error();
            return ok(StaffStore::dailyReport(tx, call.caller, day, branchCode));
        });
}

// The audit log's filters as GET /api/v1/staff/audit takes them; what can be checked without
// the database is checked here (G01), the rest against the caller's institution by
// auditLogPage.
struct AuditLogRequest
{
    audit::AuditLog::Query query;
    QString customerText;
    QJsonObject details; // what the audit.read row records: the filters and cursor given
};

constexpr int MaxAuditPageSize = 500;

Result<AuditLogRequest> auditLogRequest(const HttpRequest &request, const QString &institutionId)
{
    const QStringList names {u"cursor"_s, u"limit"_s, u"username"_s, u"customer"_s,
                             u"action"_s, u"from"_s,  u"to"_s};
    const Result<QHash<QString, QString>> query = queryParameters(request, names);
    if (!query)
        return query.error();
    AuditLogRequest parsed;
    audit::AuditLog::Query &q = parsed.query;
    q.institutionId = institutionId;
    q.limit = DefaultPageSize;
    if (query->contains(u"limit"_s)) {
        bool ok = false;
        q.limit = query->value(u"limit"_s).toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > MaxAuditPageSize)
            return codeError(codes::MalformedRequest,
                             u"limit must be a number from 1 to %1"_s.arg(MaxAuditPageSize));
    }
    q.username = query->value(u"username"_s).trimmed();
    if (query->contains(u"username"_s) && (q.username.isEmpty() || q.username.size() > 64))
        return codeError(codes::MalformedRequest, u"username must be a staff user name"_s);
    q.action = query->value(u"action"_s);
    if (query->contains(u"action"_s) && !protocol::AuditRow::actions().contains(q.action))
        return codeError(codes::MalformedRequest, u"action is not one the audit log records"_s);
    if (query->contains(u"customer"_s)) {
        static const QRegularExpression digits(u"^[1-9][0-9]{0,17}$"_s);
        parsed.customerText = query->value(u"customer"_s);
        if (!digits.match(parsed.customerText).hasMatch())
            return codeError(codes::MalformedRequest, u"customer must be a customer id"_s);
        q.customerId = parsed.customerText.toLongLong();
    }
    for (const bool isEnd : {false, true}) {
        const QString name = isEnd ? u"to"_s : u"from"_s;
        if (!query->contains(name))
            continue;
        const Result<QDateTime> bound = periodBound(name, query->value(name), isEnd);
        if (!bound)
            return bound.error();
        (isEnd ? q.toMs : q.fromMs) = bound->toMSecsSinceEpoch();
    }
    if (q.fromMs && q.toMs && *q.fromMs >= *q.toMs)
        return codeError(codes::MalformedRequest, u"from must be before to"_s);
    if (const QString cursor = query->value(u"cursor"_s); !cursor.isEmpty()) {
        const Result<KeysetCursor> after = KeysetCursor::fromText(cursor);
        if (!after)
            return after.error();
        q.after = audit::AuditLog::Position {after->at, after->id};
    }
    for (const QString &name : names) {
        if (name != u"limit"_s && query->contains(name))
            parsed.details.insert(name, query->value(name));
    }
    return parsed;
}

Result<Reply> auditLog(Call &call)
{
    const Result<AuditLogRequest> request =
        auditLogRequest(call.request, call.caller.institutionId);
    if (!request)
        return request.error();
    const audit::AuditLog::Query &query = request->query;
    return call.auditedRead(
        u"audit.read"_s, QString(), request->details, [&](QSqlDatabase &tx) -> Result<Reply> {
            if (Status allowed = call.require(StaffAction::ReadAudit); !allowed)
                return allowed.error();
            // A user name or customer of no account of this institution names nothing the
            // log could hold: the same answer whether it exists elsewhere or not.
            if (!query.username.isEmpty()) {
                auto known = runQuery(
                    tx, u"SELECT 1 FROM staff_users WHERE institution_id = ? AND username = ?"_s,
                    {query.institutionId, query.username}, u"staff: audit staff filter"_s);
                if (!known)
                    return known.error();
                if (!known->next())
                    return codeError(codes::MalformedRequest,
                                     u"username is not a staff user of the institution"_s);
            }
            if (query.customerId) {
                auto known = runQuery(
                    tx, u"SELECT 1 FROM customers WHERE id = ? AND institution_id = ?"_s,
                    {*query.customerId, query.institutionId}, u"staff: audit customer filter"_s);
                if (!known)
                    return known.error();
                if (!known->next())
                    return codeError(codes::MalformedRequest,
                                     u"customer is not a customer of the institution"_s);
            }
            const Result<audit::AuditLog::Page> page = call.context.audit->page(tx, query);
            if (!page)
                return page.error();
            protocol::AuditPage answer;
            for (const audit::AuditRow &row : page->rows)
                answer.rows.append(auditRowAnswer(row));
            if (page->next)
                answer.nextCursor = KeysetCursor {page->next->atMs, page->next->seq}.text();
            return Reply {200, answer.toJson()};
        });
}

protocol::AuditChainState chainStateAnswer(const audit::AuditChainWatch::State &state)
{
    const audit::VerifyReport &report = state.report;
    protocol::AuditChainState answer {
        .intact = report.intact(),
        .rowsChecked = report.rowsChecked,
        .intactThroughSeq = report.intactThroughSeq,
        .checkpointSeq = report.checkpointSeq,
        .checkedAt = QDateTime::fromMSecsSinceEpoch(state.checkedAtMs, Qt::UTC)};
    if (report.checkpointSeq > 0)
        answer.checkpointAt = QDateTime::fromMSecsSinceEpoch(report.checkpointAtMs, Qt::UTC);
    if (report.broken) {
        answer.brokenAtSeq = report.broken->seq;
        answer.breakKind = audit::breakKindName(report.broken->kind);
    }
    return answer;
}

// The chain is verified outside the audited read's transaction (the walk reads a snapshot of
// its own, on this thread's connection), then the read is audited like any other.
Result<Reply> auditChain(Call &call, audit::AuditChainWatch &watch)
{
    if (const Result<QHash<QString, QString>> query = queryParameters(call.request, {}); !query)
        return query.error();
    Result<Reply> answer = codeError(codes::StaffForbidden);
    if (call.caller.may(StaffAction::ReadAudit)) {
        const Result<audit::AuditChainWatch::State> state = watch.state();
        if (!state) {
            qCWarning(lcStaffApi).noquote()
                << "audit chain verification failed:" << state.error().message;
            return codeError(codes::SystemError);
        }
        answer = Reply {200, chainStateAnswer(state.value()).toJson()};
    }
    return call.auditedRead(u"audit.read"_s, u"audit:chain"_s, {},
                            [&](QSqlDatabase &) { return answer; });
}

} // namespace

HttpResponse staffErrorResponse(const Error &error)
{
    if (!ErrorCatalog::builtIn().find(error.key))
        return HttpResponse::error(codes::SystemError);
    QJsonObject extra;
    if (error.key == codes::MalformedRequest && !error.message.isEmpty())
        extra.insert(u"detail"_s, error.message);
    HttpResponse response = HttpResponse::error(QStringView(error.key), extra);
    // RFC 6750 §3: a refused bearer token says which scheme the resource wants.
    if (error.key == codes::StaffSessionEnded)
        response.setHeader("WWW-Authenticate", "Bearer realm=\"staff\", error=\"invalid_token\"");
    return response;
}

void registerStaffApi(http::Router &router, const StaffApiContext &context)
{
    // The context is copied into one object the handlers share for the router's lifetime.
    auto shared = std::make_shared<const StaffApiContext>(context);
    const auto add = [&router, shared](const QByteArray &method, const QString &pattern,
                                       CallHandler handler) {
        router.add(method, pattern, authenticated(shared, std::move(handler)));
    };
    const QString base = u"/api/v1/staff"_s;
    add("GET", base + u"/customers"_s, searchCustomers);
    add("GET", base + u"/customers/{id}"_s, customerDetail);
    add("GET", base + u"/customers/{id}/attempts"_s, customerAttempts);
    add("GET", base + u"/customers/{id}/linkages"_s, customerLinkages);
    add("POST", base + u"/customers/{id}/caller-check"_s, callerCheck);
    add("GET", base + u"/attempts"_s, branchAttempts);
    add("DELETE", base + u"/accounts/{id}/locks/{kind}"_s, releaseLock);
    add("GET", base + u"/release-requests"_s, listReleaseRequests);
    add("POST", base + u"/release-requests/{id}/approve"_s,
        [](Call &call) { return decideReleaseRequest(call, true); });
    add("POST", base + u"/release-requests/{id}/reject"_s,
        [](Call &call) { return decideReleaseRequest(call, false); });
    add("DELETE", base + u"/linkages/{id}"_s, revokeLinkage);
    add("GET", base + u"/apps"_s, listApps);
    add("POST", base + u"/apps/{client_id}/suspension"_s,
        [](Call &call) { return setAppSuspended(call, true); });
    add("DELETE", base + u"/apps/{client_id}/suspension"_s,
        [](Call &call) { return setAppSuspended(call, false); });
    add("GET", base + u"/catalog/{code}"_s, explainCode);
    add("GET", base + u"/catalog"_s, matchMessage);
    add("GET", base + u"/service-status"_s, serviceStatus);
    add("GET", base + u"/reports/daily"_s, dailyReport);
    add("GET", base + u"/audit"_s, auditLog);
    auto chainWatch = std::make_shared<audit::AuditChainWatch>(*context.audit);
    add("GET", base + u"/audit/chain"_s,
        [chainWatch](Call &call) { return auditChain(call, *chainWatch); });
}

} // namespace tc::backend::staff
