#pragma once

#include "ErrorCatalog.h"
#include "Result.h"
#include "ServiceCalendar.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// The staff API's JSON bodies as C++ types, defined once for both programs: the backend's
// staff handlers encode their answers with toJson(), the console decodes them with fromJson().
// Field names are those of docs/api.md.
//
// Decoding rules, the same for every type: unknown fields are ignored (a newer backend may add
// some); a missing or mistyped required field is an Error with key "decode" and a message that
// names the field's path ("accounts[0].locks[1].kind: missing"); optional fields and JSON null
// decode to an empty QString, an invalid QDateTime, std::nullopt or 0 as documented per field.
// Times are ISO 8601 UTC on the wire ("2026-11-24T05:12:09.120Z") and QDateTime in UTC here.
namespace tc::protocol {

inline constexpr QLatin1StringView DecodeErrorKey {"decode"};

// An error answer of any call: {"code": "B84", "message": "…", "detail": "…"?}.
struct ErrorBody
{
    QString code; // a catalog code, required
    QString message; // the customer's text (Japanese), required
    QString detail; // optional (G01 says which input was wrong)

    static Result<ErrorBody> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const ErrorBody &, const ErrorBody &) = default;
};

// The answer of POST /api/v1/staff/session and of /session/refresh.
struct StaffSession
{
    QString accessToken;
    QString tokenType; // "Bearer"
    int expiresIn = 0; // seconds
    QString refreshToken;
    QDateTime sessionExpiresAt;
    QString username;
    QString displayName;
    QString role; // "teller", "support", "supervisor"
    QString institution; // id, e.g. "hyogo-himawari"
    QString institutionName;
    QString branchCode; // empty (JSON null) for staff without a branch
    QString branchName; // optional, empty when unknown
    int idleTimeoutSeconds = 0; // optional: the server's idle limit of a session, 0 unknown
    QString supportDesk; // optional: the institution's support desk (name, phone, hours)

    static Result<StaffSession> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const StaffSession &, const StaffSession &) = default;
};

// One of today's locks of an account (customer detail only).
struct AccountLock
{
    QString kind; // "identity" or "pin"
    int failuresToday = 0;
    int threshold = 0;
    bool locked = false;
    QDateTime lockedAt; // null unless locked
    QDateTime releaseAt; // the next 00:00 Tokyo; null unless locked
    QDateTime releasedEarlyAt; // null unless a staff member released it today

    static Result<AccountLock> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const AccountLock &, const AccountLock &) = default;
};

// The body of a staff change: releasing a lock, revoking a linkage, and (with `reason` only)
// rejecting a request or suspending an app. How the customer's identity was confirmed goes
// with it: at the counter with a document seen, or on the phone with a passed caller check.
struct StaffChange
{
    QString reason; // required free text
    QString reasonKind; // optional: one of reasonKinds()
    QString identityDocument; // with "counter_document": one of identityDocuments()
    QString callerCheckId; // with "phone_caller_check": the id of a passed caller check

    // "counter_document", "phone_caller_check", "other"
    static const QStringList &reasonKinds();
    // "drivers_license", "my_number_card", "health_insurance_card", "passport", "other"
    static const QStringList &identityDocuments();

    static Result<StaffChange> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const StaffChange &, const StaffChange &) = default;
};

// The body of POST /api/v1/staff/customers/{id}/caller-check: what a caller on the phone says
// about themselves. Every field is optional (one not given is answered "not_given"); the backend
// normalises them the way the search does (kana of any form, spaces ignored; phone hyphens).
struct CallerCheckRequest
{
    QString nameKana; // full-width, half-width or hiragana
    QString birthDate; // "YYYY-MM-DD"
    QString phone; // digits, hyphens allowed
    QString branchCode; // with accountNumber: an account the caller names (both or neither)
    QString accountNumber;

    static Result<CallerCheckRequest> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const CallerCheckRequest &, const CallerCheckRequest &) = default;
};

// The answer of a caller check: per field "match", "no_match" or "not_given", never the stored
// values. `passed` when name, birth date and phone match (and the account, when given, is one of
// the customer's); a passed check's id is the `caller_check_id` of a StaffChange of the same
// staff user on the same customer until `expiresAt`.
struct CallerCheckResult
{
    static constexpr QLatin1StringView Match {"match"};
    static constexpr QLatin1StringView NoMatch {"no_match"};
    static constexpr QLatin1StringView NotGiven {"not_given"};

    QString checkId; // random, unguessable
    qint64 customerId = 0;
    bool passed = false;
    QDateTime checkedAt;
    QDateTime expiresAt; // checkedAt + 10 minutes
    // fields.name_kana, fields.birth_date, fields.phone, fields.account
    QString nameKana;
    QString birthDate;
    QString phone;
    QString account;

    static Result<CallerCheckResult> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const CallerCheckResult &, const CallerCheckResult &) = default;
};

// The answer of DELETE /api/v1/staff/accounts/{id}/locks/{kind} (and of approving a request):
// 200 released now, or 202 a request waiting for a supervisor's approval.
struct LockReleaseAnswer
{
    QString status; // "released" or "pending_approval", required
    QDateTime releasedAt; // with "released"
    qint64 requestId = 0; // with "pending_approval"
    QString code; // with "pending_approval": S07
    QString message; // with "pending_approval": the catalog's text of `code`

    bool isPending() const { return status == QLatin1StringView("pending_approval"); }

    static Result<LockReleaseAnswer> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const LockReleaseAnswer &, const LockReleaseAnswer &) = default;
};

// The answer of DELETE /api/v1/staff/linkages/{id}.
struct LinkageRevocation
{
    QString status; // "revoked", required
    QDateTime revokedAt; // required

    static Result<LinkageRevocation> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const LinkageRevocation &, const LinkageRevocation &) = default;
};

// A pending early-release request of an account's lock (customer detail only).
struct PendingRelease
{
    qint64 id = 0;
    QString kind; // "identity" or "pin"
    QString reason;
    QDateTime requestedAt;
    QString requestedBy; // user name

    static Result<PendingRelease> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const PendingRelease &, const PendingRelease &) = default;
};

struct Account
{
    qint64 id = 0;
    QString branchCode;
    QString branchName;
    QString accountType; // "ordinary" or "savings"
    QString accountNumber;
    bool cashCardIssued = false;
    QString status; // "active", "closed", "moved"
    qint64 movedToAccountId = 0; // 0 for JSON null
    // Present in the customer detail only; absent fields decode to empty lists and are not
    // written by toJson() when `hasLockState` is false.
    bool hasLockState = false;
    QList<AccountLock> locks;
    QList<PendingRelease> pendingReleaseRequests;

    static Result<Account> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const Account &, const Account &) = default;
};

// A customer as the search lists it; support staff get birth date and phone masked.
struct Customer
{
    qint64 id = 0;
    QString nameKana;
    QString birthDate; // "1980-04-01", or masked "1980-**-**"
    QString phone; // digits, or masked "******0000"
    bool masked = false;
    QList<Account> accounts;

    static Result<Customer> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const Customer &, const Customer &) = default;
};

// GET /api/v1/staff/customers
struct CustomerSearchResult
{
    QList<Customer> customers;
    bool truncated = false;

    static Result<CustomerSearchResult> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const CustomerSearchResult &, const CustomerSearchResult &) = default;
};

struct LockHistoryEntry
{
    qint64 accountId = 0;
    QString kind; // "identity" or "pin"
    QString event; // "locked", "released_by_staff", "released_at_midnight"
    QDateTime at;
    QString staff; // empty unless released by staff
    QString reason; // empty unless released by staff

    static Result<LockHistoryEntry> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const LockHistoryEntry &, const LockHistoryEntry &) = default;
};

// GET /api/v1/staff/customers/{id}: the customer's fields (flat in JSON) plus lock state.
struct CustomerDetail
{
    Customer customer; // its accounts carry hasLockState = true
    bool earlyReleaseNeedsApproval = false;
    QList<LockHistoryEntry> lockHistory;
    int activeLinkages = 0; // linkage_summary.active
    int totalLinkages = 0; // linkage_summary.total

    static Result<CustomerDetail> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const CustomerDetail &, const CustomerDetail &) = default;
};

// An early-release request of a lock under two-person control, as the approval queue shows it
// (GET /api/v1/staff/release-requests) and as its live events name it.
struct ReleaseRequest
{
    static constexpr QLatin1StringView Pending {"pending"};
    static constexpr QLatin1StringView Approved {"approved"};
    static constexpr QLatin1StringView Rejected {"rejected"};
    static constexpr QLatin1StringView Lapsed {"lapsed"}; // the lock ended before a decision

    qint64 id = 0;
    qint64 accountId = 0;
    QString account; // "001 ordinary 1234567"
    QString branchCode;
    QString accountType; // "ordinary" or "savings"
    QString accountNumber;
    qint64 customerId = 0;
    QString customerName; // the registered name in kana
    QString kind; // the lock: "identity" or "pin"
    // The lock as it stands (optional: null once the day's counter is gone).
    int failuresToday = 0;
    QDateTime lockedAt;
    QDateTime releaseAt; // when it would release by itself (the next 00:00 Tokyo)
    QString reason;
    QString reasonKind; // optional: StaffChange::reasonKinds(), when the request stored it
    QString identityDocument; // optional: StaffChange::identityDocuments()
    QDateTime requestedAt;
    QString requestedBy; // user name
    QString requestedByName; // display name
    QString status; // Pending, Approved, Rejected or Lapsed
    QString decidedBy; // user name; empty while pending (and for a lapse at 00:00)
    QDateTime decidedAt; // null while pending
    QString decisionNote; // the approval's note or the rejection's reason

    bool isPending() const { return status == Pending; }

    static Result<ReleaseRequest> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const ReleaseRequest &, const ReleaseRequest &) = default;
};

// GET /api/v1/staff/release-requests: today's pending requests (supervisors: the institution's;
// others: their own), oldest first.
struct ReleaseRequestList
{
    QList<ReleaseRequest> requests;

    static Result<ReleaseRequestList> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const ReleaseRequestList &, const ReleaseRequestList &) = default;
};

// One step call of a verification flow, as staff see it. A flow's steps share `flowId`.
struct Attempt
{
    qint64 id = 0;
    QDateTime at;
    qint64 accountId = 0; // 0 when the attempt named no known account
    QString account; // "001 ordinary 1234567" label, empty when none
    qint64 customerId = 0; // optional, 0 when unknown
    QString branchCode; // optional
    QString step; // "account", "customer", "phone", "pin", "consent", "cancel"
    QString outcome; // "success", "failure", "refused", "cancelled"
    QString code; // catalog code, empty on success
    QString message; // the customer's text of `code`, empty on success
    QString flowId;
    QString sourceAddress;
    QString nameKana; // optional: the name as the customer typed it at ②
    QString customerName; // optional: the registered name (kana) of the account's customer
    QString clientApp; // optional

    static Result<Attempt> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const Attempt &, const Attempt &) = default;
};

// GET …/customers/{id}/attempts and GET /api/v1/staff/attempts: newest first.
struct AttemptsPage
{
    QList<Attempt> attempts;
    QString nextCursor; // empty (JSON null) on the last page

    static Result<AttemptsPage> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const AttemptsPage &, const AttemptsPage &) = default;
};

struct Linkage
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString account;
    QString clientId;
    QString clientApp;
    QString provider;
    QString scope;
    QDateTime grantedAt;
    QDateTime expiresAt;
    QDateTime lastUsedAt; // null when never used
    QDateTime revokedAt; // null unless revoked
    QString revokedBy;
    QString revokeReason;
    QString state; // "active", "expired", "revoked", "account_moved", "app_suspended"

    static Result<Linkage> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const Linkage &, const Linkage &) = default;
};

// GET …/customers/{id}/linkages
struct LinkageList
{
    QList<Linkage> linkages;

    static Result<LinkageList> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const LinkageList &, const LinkageList &) = default;
};

// One client app of the caller's institution (GET /api/v1/staff/apps).
struct StaffApp
{
    QString clientId;
    QString name; // the app's display name
    QString provider; // optional
    bool suspended = false; // for the caller's institution
    QDateTime suspendedAt; // null unless suspended
    QString suspendedBy; // user name of the staff member; empty unless suspended
    QString suspendReason; // empty unless suspended
    qint64 liveLinkages = 0; // linkages neither revoked nor expired

    static Result<StaffApp> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const StaffApp &, const StaffApp &) = default;
};

// GET /api/v1/staff/apps
struct StaffAppList
{
    QList<StaffApp> apps;

    static Result<StaffAppList> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const StaffAppList &, const StaffAppList &) = default;
};

// The answer of POST (suspend) and DELETE (resume) /api/v1/staff/apps/{client_id}/suspension.
struct AppSuspension
{
    QString clientId;
    bool suspended = false; // the app's state now
    QDateTime at;

    static Result<AppSuspension> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const AppSuspension &, const AppSuspension &) = default;
};

// One event of GET /api/v1/staff/events (the `data:` line). The kind's own fields are empty
// or 0 where they do not apply.
struct StaffEvent
{
    qint64 id = 0;
    QString kind; // "attempt", "lock", "release", "revocation", "suspension", "release_request"
    QDateTime at;
    // the account and customer it concerns, where it applies
    qint64 accountId = 0;
    QString branchCode;
    QString accountType;
    QString accountNumber;
    qint64 customerId = 0;
    QString customerName;
    QString customerPhone;
    QString clientName;
    // attempt
    QString step;
    QString outcome;
    QString code;
    // lock and release
    QString lockKind;
    QString day; // Tokyo date "YYYY-MM-DD"
    QDateTime lockedAt;
    QDateTime releasesAt; // lock
    QString how; // release: "released_at_midnight" or "released_by_staff"
    QDateTime releasedAt; // release at midnight
    // staff actions (release by staff, revocation, suspension)
    QString staff;
    QString reason;
    qint64 linkageId = 0;
    QString clientApp;
    QString clientId;
    bool suspended = false;
    // release_request (lockKind, day, staff, reason as above; staff: who acted, none for a lapse)
    qint64 requestId = 0;
    QString status; // ReleaseRequest::Pending, Approved, Rejected, Lapsed
    QString requestedBy; // user name of the requester
    QString note; // the decision's note (approval) or reason (rejection)

    static Result<StaffEvent> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const StaffEvent &, const StaffEvent &) = default;
};

// A catalog entry as GET /api/v1/staff/catalog/{code} answers it, and each of the matches of
// GET /api/v1/staff/catalog?message= (with `score`).
struct CatalogAnswer
{
    CatalogEntry entry; // code, screen, http_status, customer_message(_en), from_seeds,
                        // meaning/cause/tell_customer as {"ja","en"}; counts and aliases are
                        // not sent
    std::optional<double> score;

    static Result<CatalogAnswer> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

struct CatalogMatches
{
    QList<CatalogAnswer> matches;

    static Result<CatalogMatches> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

// The wire names of the closure reasons ("daily_midnight", …, "announced_maintenance").
QString closureReasonName(ClosureReason reason);
std::optional<ClosureReason> closureReasonFromName(const QString &name);

// GET /api/v1/staff/service-status
struct ServiceStatus
{
    QDateTime now;
    bool open = true;
    std::optional<ServiceWindow> closed; // only while closed
    std::optional<ServiceWindow> nextClosure;

    static Result<ServiceStatus> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const ServiceStatus &, const ServiceStatus &) = default;
};

struct EarlyReleaseRow
{
    QDateTime at;
    QString kind;
    QString account;
    QString staff;
    QString staffName;
    QString reason;

    static Result<EarlyReleaseRow> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const EarlyReleaseRow &, const EarlyReleaseRow &) = default;
};

struct RevocationRow
{
    QDateTime at;
    QString by;
    QString reason;
    QString clientApp;
    QString account;

    static Result<RevocationRow> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const RevocationRow &, const RevocationRow &) = default;
};

struct BranchReport
{
    QString branchCode;
    QString branchName;
    int attempts = 0;
    int completions = 0;
    QMap<QString, int> failuresByCode;
    int identityLocks = 0; // locks.identity
    int pinLocks = 0; // locks.pin
    int midnightReleases = 0;
    QList<EarlyReleaseRow> earlyReleases;
    QList<RevocationRow> revocations;

    static Result<BranchReport> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const BranchReport &, const BranchReport &) = default;
};

// GET /api/v1/staff/reports/daily
struct DailyReport
{
    QDate date;
    QString institutionId;
    QList<BranchReport> branches;

    static Result<DailyReport> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const DailyReport &, const DailyReport &) = default;
};

// One row of the audit log as GET /api/v1/staff/audit answers it: who (staff id, user name,
// role) did what (action) to which target, why, from where, with which result
// (details.result: "ok" or the catalog code of the refusal), and the row's chain hash.
struct AuditRow
{
    qint64 seq = 0; // the row's place in the hash chain
    QDateTime at;
    qint64 staffId = 0; // 0 for JSON null
    QString username;
    QString role; // "teller", "support", "supervisor"; empty when unknown
    QString action; // one of actions()
    QString target; // "customer:1", "account:5/lock:identity", "linkage:3", …; may be empty
    QString reason;
    QString sourceAddress;
    QJsonObject details; // the action's own fields, "result" among them
    QString hash; // hex SHA-256

    // The result of the action: "ok", or the catalog code that refused it.
    QString result() const;

    // Every action the backend audits ("customer.view", "lock.release", …): the values the
    // audit log's `action` filter accepts.
    static const QStringList &actions();

    static Result<AuditRow> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const AuditRow &, const AuditRow &) = default;
};

// GET /api/v1/staff/audit: newest first (by time, then seq).
struct AuditPage
{
    QList<AuditRow> rows;
    QString nextCursor; // empty (JSON null) on the last page

    static Result<AuditPage> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const AuditPage &, const AuditPage &) = default;
};

// GET /api/v1/staff/audit/chain: what the backend's verification of the hash chain found.
struct AuditChainState
{
    bool intact = true;
    qint64 rowsChecked = 0;
    qint64 intactThroughSeq = 0; // the last row found intact, 0 when none
    qint64 checkpointSeq = 0; // the newest signed checkpoint the intact rows reach, 0 none
    QDateTime checkpointAt; // null when no checkpoint
    qint64 brokenAtSeq = 0; // the first row concerned by the break, 0 when intact
    QString breakKind; // "row-edited", "row-deleted", …, empty when intact
    QDateTime checkedAt; // when the verification ran

    static Result<AuditChainState> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    friend bool operator==(const AuditChainState &, const AuditChainState &) = default;
};

} // namespace tc::protocol
