#include "LockReleaseJob.h"

#include "Clock.h"
#include "Database.h"
#include "EventLog.h"
#include "Protocol.h"
#include "TokyoTime.h"

#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLockRelease, "tc.backend.events.release")

namespace tc::backend::events {

LockReleaseJob::LockReleaseJob(Database &database, const Clock &clock)
    : m_database(database), m_clock(clock)
{ }

LockReleaseJob::~LockReleaseJob()
{
    stop();
}

// A release request still pending when its lock ended at 00:00 lapses with it: the
// supervisors' queues drop it and the requester learns it was not decided.
Status LockReleaseJob::lapsePendingRequests(const QSqlDatabase &db, const QString &todayText)
{
    struct Pending
    {
        qint64 id;
        QString institutionId;
        qint64 accountId;
        qint64 branchId;
        qint64 customerId;
        QString kind;
        QString day;
        QString reason;
        QString requestedBy;
    };
    QList<Pending> pending;
    {
        auto query = runQuery(
            db,
            u"SELECT r.id, r.institution_id, r.account_id, a.branch_id, a.customer_id, r.kind, "
            "r.day, r.reason, s.username FROM lock_release_requests r "
            "JOIN accounts a ON a.id = r.account_id JOIN staff_users s ON s.id = r.requested_by "
            "WHERE r.status = 'pending' AND r.day < ? ORDER BY r.id"_s,
            {todayText}, u"find release requests lapsed at midnight"_s);
        if (!query)
            return query.error();
        while (query.value().next()) {
            const QSqlQuery &q = query.value();
            pending.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                            q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toString(),
                            q.value(6).toString(), q.value(7).toString(), q.value(8).toString()});
        }
    }
    for (const Pending &request : std::as_const(pending)) {
        const qint64 midnight =
            tokyoMidnight(QDate::fromString(request.day, Qt::ISODate).addDays(1))
                .toMSecsSinceEpoch();
        auto updated = runQuery(db,
                                u"UPDATE lock_release_requests SET status = 'lapsed', "
                                "decided_at = ? WHERE id = ? AND status = 'pending'"_s,
                                {midnight, request.id}, u"lapse a release request"_s);
        if (!updated)
            return updated.error();
        if (updated->numRowsAffected() != 1)
            continue; // decided meanwhile, or another run lapsed it
        const Status published = publish(
            db, m_database.isPostgreSql(),
            {.institutionId = request.institutionId,
             .branchId = request.branchId,
             .customerId = request.customerId,
             .kind = QString(kinds::ReleaseRequest),
             .payload = protocol::StaffEvent {.kind = QString(kinds::ReleaseRequest),
                                              .lockKind = request.kind,
                                              .day = request.day,
                                              .reason = request.reason,
                                              .requestId = request.id,
                                              .status = QString(protocol::ReleaseRequest::Lapsed),
                                              .requestedBy = request.requestedBy}
                            .toJson(),
             .atMs = midnight,
             .accountId = request.accountId});
        if (!published)
            return published;
    }
    return Success {};
}

Result<int> LockReleaseJob::runOnce()
{
    const QDate today = tokyoDate(m_clock.now());
    const QString todayText = today.toString(Qt::ISODate);
    const QString oldestText = today.addDays(-CatchUpDays).toString(Qt::ISODate);
    const Result<int> inserted = m_database.transaction<int>([&](QSqlDatabase &db) -> Result<int> {
        // A lock ended at midnight unless staff released it after it engaged (a lock that
        // engaged again after a staff release ends at midnight too).
        struct Ended
        {
            qint64 accountId;
            QString kind;
            QString day;
            qint64 lockedAt;
            QString institutionId;
            qint64 branchId;
            qint64 customerId;
        };
        QList<Ended> ended;
        {
            auto query = runQuery(
                db,
                u"SELECT lc.account_id, lc.kind, lc.day, lc.locked_at, a.institution_id, "
                "a.branch_id, a.customer_id FROM lock_counters lc "
                "JOIN accounts a ON a.id = lc.account_id "
                "WHERE lc.locked_at IS NOT NULL AND lc.day >= ? AND lc.day < ? "
                "AND (lc.released_at IS NULL OR lc.released_at < lc.locked_at) "
                "AND NOT EXISTS (SELECT 1 FROM lock_events le WHERE le.account_id = lc.account_id "
                "AND le.kind = lc.kind AND le.event = 'released_at_midnight' AND le.day = lc.day) "
                "ORDER BY lc.day, lc.account_id, lc.kind"_s,
                {oldestText, todayText}, u"find locks ended at midnight"_s);
            if (!query)
                return query.error();
            while (query.value().next()) {
                const QSqlQuery &q = query.value();
                ended.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toLongLong(), q.value(4).toString(),
                              q.value(5).toLongLong(), q.value(6).toLongLong()});
            }
        }
        int count = 0;
        for (const Ended &lock : std::as_const(ended)) {
            const QDate day = QDate::fromString(lock.day, Qt::ISODate);
            const qint64 midnight = tokyoMidnight(day.addDays(1)).toMSecsSinceEpoch();
            auto row = runQuery(db,
                                u"INSERT INTO lock_events (institution_id, account_id, kind, day, "
                                "event, at) VALUES (?, ?, ?, ?, 'released_at_midnight', ?) "
                                "ON CONFLICT (account_id, kind, event, at) DO NOTHING "
                                "RETURNING id"_s,
                                {lock.institutionId, lock.accountId, lock.kind, lock.day, midnight},
                                u"record midnight release"_s);
            if (!row)
                return row.error();
            if (!row.value().next())
                continue; // another run or instance recorded it
            ++count;
            const Status published =
                publish(db, m_database.isPostgreSql(),
                        {.institutionId = lock.institutionId,
                         .branchId = lock.branchId,
                         .customerId = lock.customerId,
                         .kind = QString(kinds::Release),
                         .payload =
                             protocol::StaffEvent {
                                 .kind = QString(kinds::Release),
                                 .lockKind = lock.kind,
                                 .day = lock.day,
                                 .lockedAt = QDateTime::fromMSecsSinceEpoch(lock.lockedAt, Qt::UTC),
                                 .how = u"released_at_midnight"_s,
                                 .releasedAt = QDateTime::fromMSecsSinceEpoch(midnight, Qt::UTC)}
                                 .toJson(),
                         .atMs = midnight,
                         .accountId = lock.accountId});
            if (!published)
                return published.error();
        }
        if (const Status lapsed = lapsePendingRequests(db, todayText); !lapsed)
            return lapsed.error();
        return count;
    });
    if (inserted && inserted.value() > 0)
        qCInfo(lcLockRelease) << "recorded" << inserted.value() << "locks ended at 00:00 Tokyo";
    return inserted;
}

void LockReleaseJob::start(int recheckMs)
{
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"tc-lock-release"_s);
    auto *timer = new QTimer;
    timer->setSingleShot(true);
    timer->moveToThread(m_thread.get());
    const auto run = [this, timer, recheckMs] {
        if (const Result<int> done = runOnce(); !done)
            qCWarning(lcLockRelease)
                << "midnight releases not recorded yet:" << done.error().message;
        // Again within recheckMs, and just after the next Tokyo midnight if that comes sooner.
        const QDateTime now = m_clock.now();
        const qint64 toMidnight = now.msecsTo(nextTokyoMidnight(now)) + 500;
        timer->start(int(std::clamp<qint64>(toMidnight, 1000, std::max(1000, recheckMs))));
    };
    QObject::connect(timer, &QTimer::timeout, timer, run);
    QObject::connect(m_thread.get(), &QThread::started, timer, run);
    QObject::connect(m_thread.get(), &QThread::finished, timer, &QObject::deleteLater);
    m_thread->start();
}

void LockReleaseJob::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

} // namespace tc::backend::events
