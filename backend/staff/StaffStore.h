#pragma once

#include "LockPolicy.h"
#include "Protocol.h"
#include "Result.h"
#include "StaffPrincipal.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace tc::backend::staff {

// What the staff API reads and changes, always through the caller's scope: a row outside it
// (another institution, or another branch for a teller) is answered as if it did not exist
// (S06), so that no call reveals what lies beyond the caller's reach.
namespace StaffStore {

// Exactly one way of finding customers, as the console's search offers.
struct CustomerSearch
{
    QString branchCode; // with accountNumber
    QString accountNumber;
    QString nameKana; // a prefix, in any kana form
    QString phone; // digits; separators are ignored
};

inline constexpr int SearchLimit = 50;

// Each customer with the accounts the caller may see.
Result<protocol::CustomerSearchResult>
searchCustomers(const QSqlDatabase &db, const StaffPrincipal &caller, const CustomerSearch &search);

// The customer, the accounts in scope with today's locks (release time included), pending
// early-release requests, recent lock history, and a linkage summary.
Result<protocol::CustomerDetail> customerDetail(const QSqlDatabase &db,
                                                const StaffPrincipal &caller, qint64 customerId,
                                                const QDateTime &now);

// A page of the customer's attempts, newest first. `cursor` is the opaque text of an earlier
// page's next_cursor; a malformed one is G01.
Result<protocol::AttemptsPage> attemptsPage(const QSqlDatabase &db, const StaffPrincipal &caller,
                                            qint64 customerId, const QString &cursor, int limit);

// What the branch activity view asks for: the attempts of a branch (or, for staff who see
// every branch, of the whole institution) in [from, to), optionally of one catalog code and
// one outcome.
struct BranchAttempts
{
    QString branchCode; // empty: a teller's own branch, everyone else's whole institution
    QDateTime from;
    QDateTime to; // invalid: no end
    QString code;
    QString outcome;
    QString cursor;
    int limit = 50;
};

// A page of a branch's attempts, newest first; S06 for a branch outside the caller's scope.
Result<protocol::AttemptsPage> branchAttempts(const QSqlDatabase &db, const StaffPrincipal &caller,
                                              const BranchAttempts &request);

Result<protocol::LinkageList> linkages(const QSqlDatabase &db, const StaffPrincipal &caller,
                                       qint64 customerId, const QDateTime &now);

// The account behind a lock or linkage call, when the caller may act on it.
struct ScopedAccount
{
    qint64 accountId = 0;
    qint64 customerId = 0;
    qint64 branchId = 0;
    QString branchCode;
    QString accountLabel; // "001 普通 1234567", for audit rows and events
};
Result<ScopedAccount> accountInScope(const QSqlDatabase &db, const StaffPrincipal &caller,
                                     qint64 accountId);

// Ends today's lock of `kind` now (the day's failures start again from zero) and records it
// in the lock history. S09 when that lock is not on.
Status releaseLock(const QSqlDatabase &db, const StaffPrincipal &releasedBy,
                   const ScopedAccount &account, LockKind kind, QDate tokyoDay,
                   const QString &reason, qint64 nowMs);

// A staff member's request under two-person control, with how they confirmed the customer's
// identity. S07 (pending) when one is
// already waiting for this lock, S09 when the lock is not on.
Result<qint64> requestRelease(const QSqlDatabase &db, const StaffPrincipal &requester,
                              const ScopedAccount &account, LockKind kind, QDate tokyoDay,
                              const protocol::StaffChange &change, qint64 nowMs);

struct ReleaseRequest
{
    qint64 id = 0;
    qint64 accountId = 0;
    LockKind kind = LockKind::Identity;
    QDate day;
    QString reason;
    qint64 requestedBy = 0;
    QString requestedByUsername;
    QString status;
};
Result<ReleaseRequest> releaseRequest(const QSqlDatabase &db, const StaffPrincipal &caller,
                                      qint64 requestId);
// Marks a pending request decided; S10 when someone decided it first.
Status decideRequest(const QSqlDatabase &db, const StaffPrincipal &decider, qint64 requestId,
                     const QString &status, const QString &note, qint64 nowMs);
// Pending requests (supervisors: the institution's; others: their own), oldest first.
Result<protocol::ReleaseRequestList>
releaseRequests(const QSqlDatabase &db, const StaffPrincipal &caller, QDate tokyoToday);

// A linkage the caller may act on, with its account.
struct ScopedLinkage
{
    qint64 linkageId = 0;
    ScopedAccount account;
    QString clientName;
};
Result<ScopedLinkage> linkageInScope(const QSqlDatabase &db, const StaffPrincipal &caller,
                                     qint64 linkageId);
// Revokes a live linkage and every token of it at once. S10 when it had already ended.
Status revokeLinkage(const QSqlDatabase &db, const StaffPrincipal &caller,
                     const ScopedLinkage &linkage, const QString &reason, qint64 nowMs);

// The institution's client apps with their suspension state.
Result<QList<protocol::StaffApp>> clientApps(const QSqlDatabase &db, const StaffPrincipal &caller,
                                             qint64 nowMs);
// Suspends (or resumes) an app for the caller's institution; S10 when already so.
Result<QString> setAppSuspended(const QSqlDatabase &db, const StaffPrincipal &caller,
                                const QString &clientId, bool suspended, const QString &reason,
                                qint64 nowMs);

// The daily report's figures for one Tokyo day, per branch (all branches, or one).
Result<protocol::DailyReport> dailyReport(const QSqlDatabase &db, const StaffPrincipal &caller,
                                          QDate day, const QString &branchCode);

// Support staff see these partly hidden: "1985-**-**", "*******5678".
QString maskedBirthDate(const QString &isoDate);
QString maskedPhone(const QString &digits);

} // namespace StaffStore
} // namespace tc::backend::staff
