#pragma once

#include "Database.h"
#include "LockPolicy.h"
#include "Result.h"

#include <QDate>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tc::backend::events {

// The kinds of the live staff events (the SSE "event:" field).
namespace kinds {
inline constexpr QLatin1StringView Attempt {"attempt"}; // a customer's step call (any outcome)
inline constexpr QLatin1StringView Lock {"lock"}; // a failure reached the day's threshold
inline constexpr QLatin1StringView Release {"release"}; // a lock ended (staff, or 00:00 Tokyo)
inline constexpr QLatin1StringView Revocation {"revocation"}; // a linkage was revoked
inline constexpr QLatin1StringView Suspension {"suspension"}; // an app was suspended/resumed
// an early release was requested under two-person control, approved, rejected or lapsed
inline constexpr QLatin1StringView ReleaseRequest {"release_request"};
} // namespace kinds

// The PostgreSQL channel every instance LISTENs on. A NOTIFY on it means "new rows in the
// events table": the rows are the truth, the payload is not read.
inline constexpr QLatin1StringView NotifyChannel {"tc_events"};

// One row of the events table. The payload holds no PIN and no personal data (at most a masked
// phone number): the stream joins what staff may see (branch code, account number, customer
// name and phone, app name) at the moment it sends the event, masked for support staff.
struct Event
{
    QString institutionId;
    // Unset: taken from the account (accountId) inside the INSERT.
    std::optional<qint64> branchId;
    std::optional<qint64> customerId;
    QString kind; // one of kinds::
    QJsonObject payload;
    qint64 atMs = 0;
    // The account the event concerns (attempts, locks, releases, revocations).
    std::optional<qint64> accountId;
    // The app the event concerns; the stream shows its name as client_name.
    std::optional<qint64> clientAppId;
};

// Records `event` in the caller's transaction (one INSERT). The other instances learn of it
// after the commit, not at all on rollback: in a Database::transaction whose database has an
// announcer (the event hub's), the hub sends one NOTIFY for all the events committed within a
// few milliseconds; elsewhere the INSERT's statement calls pg_notify itself, delivered at commit.
// An Error (A03) when the database refuses.
Status publish(const QSqlDatabase &tx, bool postgres, const Event &event);
// As above, the engine taken from the connection.
Status publish(const QSqlDatabase &tx, const Event &event);

// Runs the `companions` (INSERTs or UPDATEs without RETURNING), in order, and publishes
// `event`: in one round trip on PostgreSQL (one statement), one after the other on SQLite. For
// a step's attempt row, the flow's move to its next step and the event, written on every step.
Status publishWith(const QSqlDatabase &tx, const QList<BoundSql> &companions, const Event &event);

// A lock just engaged (LockStore::countFailure reported lockedNow): writes the 'locked' row of
// lock_events (at = lockedAtMs; a second call for the same lock does nothing) and publishes a
// "lock" event, in the caller's transaction.
Status recordLock(const QSqlDatabase &tx, qint64 accountId, LockKind kind, QDate tokyoDay,
                  qint64 lockedAtMs);

// The "attempt" event of a customer's step call (ids 0: none). Payload: step, outcome, code.
Event attemptEvent(const QString &institutionId, qint64 accountId, qint64 clientAppId,
                   const QString &step, const QString &outcome, const QString &code, qint64 atMs);

} // namespace tc::backend::events
