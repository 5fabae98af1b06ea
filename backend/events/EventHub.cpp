#include "EventHub.h"

#include "Database.h"
#include "EventLog.h"
#include "Protocol.h"
#include "StaffStore.h"
#include "http/HttpStreamWriter.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEvents, "tc.backend.events")

namespace tc::backend::events {
namespace {

// Rows read per statement; a burst larger than this is read in several.
constexpr int ReadPage = 500;
// A missing id given up on (see advance()) is still looked for this long.
constexpr qint64 LateRowWindowMs = 60000;
// A gap wider than this is not tracked id by id (a rolled-back bulk insert, a sequence reset).
constexpr qint64 MaxTrackedGap = 1000;
// A reserved slot whose stream never opened (the client left first) is freed after this.
constexpr qint64 UnopenedSlotMs = 60000;

const QString SelectColumns =
    u"SELECT e.id, e.at, e.institution_id, e.branch_id, e.kind, e.payload, e.account_id, "
    "e.customer_id, b.code, a.account_type, a.account_number, c.name_kana, c.phone, ca.name "
    "FROM events e LEFT JOIN branches b ON b.id = e.branch_id "
    "LEFT JOIN accounts a ON a.id = e.account_id "
    "LEFT JOIN customers c ON c.id = e.customer_id "
    "LEFT JOIN client_apps ca ON ca.id = e.client_app_id "_s;

} // namespace

// One event as the streams send it, in both forms.
struct EventRow
{
    qint64 id = 0;
    QString institutionId;
    std::optional<qint64> branchId;
    QByteArray full; // the SSE block for tellers and supervisors
    QByteArray masked; // for support staff

    bool visibleTo(const staff::StaffPrincipal &principal) const
    {
        if (principal.institutionId != institutionId)
            return false;
        // An event of no branch (an app suspended or resumed) concerns the whole institution:
        // a teller's linkages of that app change state too.
        if (!branchId)
            return true;
        return principal.maySeeBranch(*branchId);
    }
    const QByteArray &blockFor(const staff::StaffPrincipal &principal) const
    {
        return principal.masksPersonalData() ? masked : full;
    }
};

namespace {

QByteArray sseBlock(qint64 id, const QString &kind, const QJsonObject &data)
{
    return "id: " + QByteArray::number(id) + "\nevent: " + kind.toUtf8()
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

EventRow rowFrom(const QSqlQuery &q)
{
    EventRow row;
    row.id = q.value(0).toLongLong();
    row.institutionId = q.value(2).toString();
    if (!q.value(3).isNull())
        row.branchId = q.value(3).toLongLong();
    const QString kind = q.value(4).toString();

    // The stored payload holds the kind's own fields; what the event concerns is read now, so
    // that the stream shows what the staff member may see at the moment it is sent.
    const QJsonObject ownFields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    protocol::StaffEvent concerns {
        .id = row.id,
        .kind = kind,
        .at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC),
        .accountId = q.value(6).toLongLong(),
        .branchCode = q.value(8).toString(),
        .accountType = q.value(9).toString(),
        .accountNumber = q.value(10).toString(),
        .customerId = q.value(7).toLongLong(),
        .customerName = q.value(11).toString(),
        .customerPhone = q.value(12).toString(),
        .clientName = q.value(13).toString(),
        // The envelope writes `suspended` for every suspension event, so it carries the
        // payload's value rather than overwrite it with false.
        .suspended = ownFields.value(u"suspended"_s).toBool()};
    const auto data = [&ownFields](const protocol::StaffEvent &envelope) {
        QJsonObject merged = ownFields;
        const QJsonObject fields = envelope.toJson();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            merged.insert(it.key(), it.value());
        return merged;
    };
    row.full = sseBlock(row.id, kind, data(concerns));

    // Support staff see phone numbers partly hidden, as everywhere else.
    concerns.customerPhone = staff::StaffStore::maskedPhone(concerns.customerPhone);
    row.masked = sseBlock(row.id, kind, data(concerns));
    return row;
}

} // namespace

// The hub's thread: reads, orders and delivers; all its members are used on that thread only.
class HubWorker final : public QObject
{
    Q_OBJECT

public:
    explicit HubWorker(EventHub &hub)
        : m_hub(hub), m_database(hub.m_database), m_limits(hub.m_limits)
    {
        m_poll.setParent(this);
        m_heartbeat.setParent(this);
        m_gapTimer.setParent(this);
        m_gapTimer.setSingleShot(true);
        m_notifyTimer.setParent(this);
        m_notifyTimer.setSingleShot(true);
        m_notifyTimer.setInterval(m_limits.notifyCoalesceMs);
        m_announceTimer.setParent(this);
        m_announceTimer.setSingleShot(true);
        m_announceTimer.setInterval(m_limits.notifyCoalesceMs);
        connect(&m_notifyTimer, &QTimer::timeout, this, &HubWorker::read);
        connect(&m_announceTimer, &QTimer::timeout, this, &HubWorker::announce);
        connect(&m_poll, &QTimer::timeout, this, &HubWorker::read);
        connect(&m_gapTimer, &QTimer::timeout, this, &HubWorker::read);
        connect(&m_heartbeat, &QTimer::timeout, this, &HubWorker::heartbeat);
        m_clock.start();
    }

    Status init()
    {
        QSqlDatabase db = m_database.connection();
        if (!db.isOpen())
            return Database::failure(u"open the event hub's connection"_s, db.lastError().text());
        auto newest = runQuery(db, u"SELECT COALESCE(MAX(id), 0) FROM events"_s, {},
                               u"read the newest event"_s);
        if (!newest || !newest.value().next())
            return Database::failure(u"read the newest event"_s, {});
        m_delivered = newest.value().value(0).toLongLong();

        if (m_database.isPostgreSql()) {
            // A connection of its own that only LISTENs: the driver's socket notifier on this
            // thread reports each NOTIFY (none is lost in a query's result processing).
            m_listenName = u"tc-events-listen-"_s + QUuid::createUuid().toString(QUuid::Id128);
            QSqlDatabase listener = Database::cloneConnection(db, m_listenName);
            if (!listener.open())
                return Database::failure(u"open the LISTEN connection"_s,
                                         listener.lastError().text());
            if (!listener.driver()->subscribeToNotification(QString(NotifyChannel)))
                return Database::failure(u"LISTEN"_s, listener.lastError().text());
            connect(listener.driver(), &QSqlDriver::notification, this, &HubWorker::onNotification);
            m_poll.start(m_limits.postgresSafetyPollMs);
        } else {
            m_poll.start(m_limits.sqlitePollMs);
        }
        m_heartbeat.start(m_limits.heartbeatMs);
        return Success {};
    }

    void shutdown()
    {
        m_poll.stop();
        m_heartbeat.stop();
        m_gapTimer.stop();
        m_notifyTimer.stop();
        if (m_announceTimer.isActive()) {
            m_announceTimer.stop();
            announce(); // the last commits' events still reach the other instances
        }
        if (!m_listenName.isEmpty()) {
            {
                QSqlDatabase listener = QSqlDatabase::database(m_listenName, false);
                if (listener.isOpen())
                    listener.driver()->unsubscribeFromNotification(QString(NotifyChannel));
                listener.close();
            }
            QSqlDatabase::removeDatabase(m_listenName);
            m_listenName.clear();
        }
    }

    void onNotification(const QString &, QSqlDriver::NotificationSource source)
    {
        // This instance's own announcement: its events were read when it was sent.
        if (source == QSqlDriver::SelfSource)
            return;
        qCDebug(lcEvents) << "NOTIFY";
        if (!m_notifyTimer.isActive())
            m_notifyTimer.start();
    }

    // A transaction of this instance that published events has committed.
    void onCommitted()
    {
        m_hub.m_committedQueued = false;
        if (!m_announceTimer.isActive())
            m_announceTimer.start();
    }

    // Tells the other instances (one NOTIFY for everything committed since the last one) and
    // reads the new rows for this instance's streams.
    void announce()
    {
        if (!m_listenName.isEmpty()) {
            QSqlDatabase listener = QSqlDatabase::database(m_listenName, false);
            QSqlQuery notify(listener);
            if (!notify.exec(u"NOTIFY "_s + NotifyChannel))
                qCWarning(lcEvents) << "NOTIFY failed; other instances read on their next poll:"
                                    << notify.lastError().text();
        }
        read();
    }

    void scheduleRead()
    {
        // Several NOTIFYs arriving together cause one read.
        if (m_readQueued)
            return;
        m_readQueued = true;
        QMetaObject::invokeMethod(this, &HubWorker::read, Qt::QueuedConnection);
    }

    void read()
    {
        m_readQueued = false;
        QSqlDatabase db = m_database.connection();
        qint64 from = m_delivered;
        if (!m_skipped.isEmpty())
            from = std::min(from, m_skipped.firstKey() - 1);
        for (;;) {
            auto query = runQuery(db, SelectColumns + u"WHERE e.id > ? ORDER BY e.id LIMIT ?"_s,
                                  {from, ReadPage}, u"read events"_s);
            if (!query) {
                qCWarning(lcEvents) << "reading events failed; retrying on the next poll";
                return;
            }
            int count = 0;
            while (query.value().next()) {
                ++count;
                const qint64 id = query.value().value(0).toLongLong();
                from = id;
                if (id <= m_delivered) {
                    // Committed after later ids had gone out: send it now rather than never.
                    if (m_skipped.remove(id) > 0)
                        deliver(rowFrom(query.value()));
                    continue;
                }
                if (!m_pending.contains(id))
                    m_pending.insert(id, rowFrom(query.value()));
            }
            if (count < ReadPage)
                break;
        }
        advance();
    }

    // Sends pending rows in id order. A missing id may belong to a transaction that has not
    // committed yet (PostgreSQL hands out ids at INSERT, not at COMMIT) or to one that rolled
    // back: later ids wait for it up to gapSettleMs, then go out; the missing id is still looked
    // for during LateRowWindowMs and sent when it appears.
    void advance()
    {
        while (!m_pending.isEmpty()) {
            const qint64 first = m_pending.firstKey();
            if (first != m_delivered + 1) {
                if (!m_gapSince.isValid())
                    m_gapSince.start();
                const qint64 waited = m_gapSince.elapsed();
                if (waited < m_limits.gapSettleMs) {
                    if (!m_gapTimer.isActive())
                        m_gapTimer.start(int(m_limits.gapSettleMs - waited) + 1);
                    break;
                }
                if (first - m_delivered - 1 <= MaxTrackedGap) {
                    for (qint64 id = m_delivered + 1; id < first; ++id)
                        m_skipped.insert(id, m_clock.elapsed());
                }
            }
            m_gapSince.invalidate();
            m_gapTimer.stop();
            m_delivered = first;
            deliver(m_pending.take(first));
        }
        while (!m_skipped.isEmpty() && m_clock.elapsed() - m_skipped.first() > LateRowWindowMs)
            m_skipped.erase(m_skipped.begin());
    }

    void deliver(const EventRow &row)
    {
        const QMutexLocker locker(&m_hub.m_mutex);
        m_hub.m_subscriptions.removeIf([&](const std::shared_ptr<EventHub::Subscription> &s) {
            if (!s->live || !s->writer || !row.visibleTo(s->principal))
                return false;
            if (s->lastEventId && row.id <= *s->lastEventId)
                return false; // the client had it (from another instance, or a replay)
            return !s->writer->write(row.blockFor(s->principal));
        });
    }

    // A stream just opened: the retry hint, the events it missed, then live events.
    void activate(const std::shared_ptr<EventHub::Subscription> &subscription)
    {
        QByteArray opening = "retry: " + QByteArray::number(m_limits.retryMs) + "\n\n";
        const staff::StaffPrincipal &principal = subscription->principal;
        if (subscription->lastEventId && *subscription->lastEventId < m_delivered) {
            auto query = runQuery(m_database.connection(),
                                  SelectColumns
                                      + u"WHERE e.institution_id = ? AND e.id > ? AND e.id <= ? "
                                        "ORDER BY e.id LIMIT ?"_s,
                                  {principal.institutionId, *subscription->lastEventId, m_delivered,
                                   m_limits.replayLimit + 1},
                                  u"replay events"_s);
            QByteArray replay;
            int count = 0;
            bool complete = static_cast<bool>(query);
            while (query && query.value().next()) {
                if (++count > m_limits.replayLimit) {
                    complete = false;
                    break;
                }
                const EventRow row = rowFrom(query.value());
                if (row.visibleTo(principal))
                    replay += row.blockFor(principal);
            }
            if (complete) {
                opening += replay;
            } else {
                // Too much was missed to send: the client reloads what it shows, then goes on
                // with live events.
                opening += "id: " + QByteArray::number(m_delivered)
                    + "\nevent: reset\ndata: {\"reason\":\"too_many_missed\"}\n\n";
            }
        }
        {
            const QMutexLocker locker(&m_hub.m_mutex);
            if (!subscription->writer || !subscription->writer->write(opening)) {
                m_hub.m_subscriptions.removeOne(subscription);
                return;
            }
            subscription->live = true;
        }
    }

    void heartbeat()
    {
        const QSet<qint64> ended = endedSessions();
        const QMutexLocker locker(&m_hub.m_mutex);
        m_hub.m_subscriptions.removeIf([&ended](const std::shared_ptr<EventHub::Subscription> &s) {
            if (s->writer && ended.contains(s->principal.sessionId)) {
                // Signed out or disabled: the stream ends with the session, as every call does.
                s->writer->write("event: session_ended\ndata: {\"code\":\"S03\"}\n\n");
                s->writer->finish();
                return true;
            }
            return s->writer && !s->writer->write(": keep-alive\n\n");
        });
        m_hub.pruneLocked();
    }

    // The sessions of open streams that were signed out or whose staff account was disabled
    // since the stream opened (one indexed read per heartbeat, not per event).
    QSet<qint64> endedSessions()
    {
        QVariantList ids;
        {
            const QMutexLocker locker(&m_hub.m_mutex);
            for (const auto &subscription : std::as_const(m_hub.m_subscriptions))
                ids << subscription->principal.sessionId;
        }
        QSet<qint64> ended;
        if (ids.isEmpty())
            return ended;
        QStringList marks;
        marks.fill(u"?"_s, ids.size());
        auto query = runQuery(
            m_database.connection(),
            u"SELECT s.id FROM staff_sessions s JOIN staff_users u "
            "ON u.id = s.staff_id WHERE s.id IN (%1) "
            "AND (s.ended_at IS NOT NULL OR u.disabled_at IS NOT NULL)"_s.arg(marks.join(u", "_s)),
            ids, u"events: ended sessions"_s);
        if (!query)
            return ended;
        while (query->next())
            ended.insert(query->value(0).toLongLong());
        return ended;
    }

private:
    EventHub &m_hub;
    Database &m_database;
    const EventHub::Limits m_limits;
    QTimer m_poll;
    QTimer m_heartbeat;
    QTimer m_gapTimer;
    QString m_listenName;
    bool m_readQueued = false;
    QTimer m_notifyTimer;
    QTimer m_announceTimer; // this instance's commits, coalesced
    qint64 m_delivered = 0; // every id up to this one went out (or was given up on)
    QMap<qint64, EventRow> m_pending; // read, waiting for a smaller missing id
    QElapsedTimer m_gapSince; // since when the id after m_delivered is missing
    QMap<qint64, qint64> m_skipped; // ids given up on → when (m_clock)
    QElapsedTimer m_clock;
};

EventHub::EventHub(Database &database, Limits limits) : m_database(database), m_limits(limits) { }

EventHub::EventHub(Database &database) : EventHub(database, Limits {}) { }

EventHub::~EventHub()
{
    stop();
}

Status EventHub::start()
{
    if (m_thread)
        return Success {};
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"tc-events"_s);
    m_worker = new HubWorker(*this);
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    Status started = Success {};
    HubWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [&started, worker] { started = worker->init(); }, Qt::BlockingQueuedConnection);
    if (!started) {
        stop();
        return started;
    }
    m_committedQueued = false;
    m_database.setCommitAnnouncer([this] { committed(); });
    return Success {};
}

void EventHub::committed()
{
    if (m_committedQueued.exchange(true))
        return;
    QMetaObject::invokeMethod(m_worker, &HubWorker::onCommitted, Qt::QueuedConnection);
}

void EventHub::stop()
{
    if (!m_thread)
        return;
    // Waits for an announcer call in progress: none reaches the worker after this.
    m_database.setCommitAnnouncer({});
    HubWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_worker = nullptr;
    const QMutexLocker locker(&m_mutex);
    for (const auto &subscription : std::as_const(m_subscriptions)) {
        if (subscription->writer)
            subscription->writer->finish();
    }
    m_subscriptions.clear();
}

void EventHub::pruneLocked()
{
    m_subscriptions.removeIf([](const std::shared_ptr<Subscription> &s) {
        return s->writer ? !s->writer->isOpen() : s->reservedAt.elapsed() > UnopenedSlotMs;
    });
}

std::shared_ptr<EventHub::Subscription> EventHub::reserve(const staff::StaffPrincipal &principal,
                                                          std::optional<qint64> lastEventId)
{
    const QMutexLocker locker(&m_mutex);
    if (!m_thread)
        return {};
    pruneLocked();
    if (m_subscriptions.size() >= m_limits.streamsTotal)
        return {};
    const auto sameSession =
        std::count_if(m_subscriptions.cbegin(), m_subscriptions.cend(),
                      [&](const auto &s) { return s->principal.sessionId == principal.sessionId; });
    if (sameSession >= m_limits.streamsPerSession)
        return {};
    auto subscription = std::make_shared<Subscription>();
    subscription->principal = principal;
    subscription->lastEventId = lastEventId;
    subscription->reservedAt.start();
    m_subscriptions.append(subscription);
    return subscription;
}

void EventHub::attach(const std::shared_ptr<Subscription> &subscription,
                      std::shared_ptr<http::HttpStreamWriter> writer)
{
    const QMutexLocker locker(&m_mutex);
    if (!m_worker || !m_subscriptions.contains(subscription)) {
        writer->finish();
        return;
    }
    subscription->writer = std::move(writer);
    HubWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, subscription] { worker->activate(subscription); }, Qt::QueuedConnection);
}

int EventHub::streamCount()
{
    const QMutexLocker locker(&m_mutex);
    pruneLocked();
    return int(m_subscriptions.size());
}

void EventHub::readNow()
{
    const QMutexLocker locker(&m_mutex);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &HubWorker::scheduleRead, Qt::QueuedConnection);
}

void EventHub::heartbeatNow()
{
    const QMutexLocker locker(&m_mutex);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &HubWorker::heartbeat, Qt::QueuedConnection);
}

} // namespace tc::backend::events

#include "EventHub.moc"
