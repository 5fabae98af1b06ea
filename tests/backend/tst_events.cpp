// GET /api/v1/staff/events over real HTTPS: attempts and locks as they happen, in the caller's
// scope (branch for tellers, institution for everyone, masked for support), reconnecting with
// Last-Event-ID, the 00:00 Tokyo release job (once, however often and wherever it runs), the
// stream limits, and on PostgreSQL an event caused through one instance reaching a stream of
// another. SQLite and PostgreSQL.
#include "Database.h"
#include "Directory.h"
#include "ErrorCodes.h"
#include "EventHub.h"
#include "EventLog.h"
#include "LockReleaseJob.h"
#include "Protocol.h"
#include "TestBackend.h"
#include "TestEngines.h"
#include "TestFlow.h"
#include "TokyoTime.h"

#include <QJsonDocument>
#include <QSqlDriver>
#include <QSslSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using backend::staff::StaffRole;
using test::StandardData;
using test::TestBackend;
using test::flow::accountStep;
using test::flow::wrongIdentity;

namespace {

constexpr int WaitMs = 20000;

// A minimal SSE client on a QSslSocket: one GET, the chunked body decoded, events parsed.
class SseClient final : public QObject
{
    Q_OBJECT

public:
    struct Event
    {
        qint64 id = 0;
        QString kind;
        QJsonObject data;
    };

    SseClient(quint16 port, const QSslCertificate &ca, const QString &target,
              const QList<std::pair<QByteArray, QByteArray>> &headers)
    {
        m_socket.setSslConfiguration(test::TestCertificates::clientConfiguration(ca));
        connect(&m_socket, &QSslSocket::encrypted, this, [this, target, headers] {
            QByteArray request = "GET " + target.toUtf8()
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
            for (const auto &[name, value] : headers)
                request += name + ": " + value + "\r\n";
            m_socket.write(request + "\r\n");
        });
        connect(&m_socket, &QSslSocket::readyRead, this, &SseClient::onReadyRead);
        connect(&m_socket, &QSslSocket::disconnected, this, [this] { closed = true; });
        m_socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    }

    void close() { m_socket.abort(); }
    bool isOpen() const { return retryMs > 0; }
    QList<Event> ofKind(const QString &kind) const
    {
        QList<Event> matching;
        for (const Event &event : events) {
            if (event.kind == kind)
                matching << event;
        }
        return matching;
    }

    int status = 0;
    QByteArray head;
    QByteArray errorBody;
    QList<Event> events;
    int comments = 0;
    int retryMs = 0;
    bool closed = false;

private:
    void onReadyRead()
    {
        m_raw += m_socket.readAll();
        if (status == 0) {
            const qsizetype end = m_raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            head = m_raw.left(end);
            m_raw.remove(0, end + 4);
            status = head.mid(9, 3).toInt();
        }
        if (status != 200) {
            errorBody += m_raw;
            m_raw.clear();
            return;
        }
        // Chunked transfer coding.
        for (;;) {
            const qsizetype lineEnd = m_raw.indexOf("\r\n");
            if (lineEnd < 0)
                break;
            bool ok = false;
            const qsizetype size = m_raw.left(lineEnd).toLongLong(&ok, 16);
            if (!ok || m_raw.size() < lineEnd + 2 + size + 2)
                break;
            m_sse += m_raw.mid(lineEnd + 2, size);
            m_raw.remove(0, lineEnd + 2 + size + 2);
        }
        // Server-sent events: blocks end with an empty line.
        for (;;) {
            const qsizetype end = m_sse.indexOf("\n\n");
            if (end < 0)
                break;
            const QByteArray block = m_sse.left(end);
            m_sse.remove(0, end + 2);
            Event event;
            bool hasData = false;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith(':'))
                    ++comments;
                else if (line.startsWith("id: "))
                    event.id = line.mid(4).toLongLong();
                else if (line.startsWith("event: "))
                    event.kind = QString::fromUtf8(line.mid(7));
                else if (line.startsWith("retry: "))
                    retryMs = line.mid(7).toInt();
                else if (line.startsWith("data: ")) {
                    event.data = QJsonDocument::fromJson(line.mid(6)).object();
                    hasData = true;
                }
            }
            if (hasData)
                events << event;
        }
    }

    QSslSocket m_socket;
    QByteArray m_raw;
    QByteArray m_sse;
};

} // namespace

class TestEvents final : public QObject
{
    Q_OBJECT

    static std::unique_ptr<SseClient> open(TestBackend &b, const QString &token,
                                           const QByteArray &lastEventId = {},
                                           const QString &query = {}, quint16 port = 0)
    {
        QList<std::pair<QByteArray, QByteArray>> headers {TestBackend::bearer(token)};
        if (!lastEventId.isEmpty())
            headers.append({"Last-Event-ID", lastEventId});
        return std::make_unique<SseClient>(port ? port : b.service().port(),
                                           b.certificates().caCertificate(),
                                           u"/api/v1/staff/events"_s + query, headers);
    }

    // After every event sent so far, a heartbeat comment: once a client has it, it has every
    // event it was going to get.
    static bool drained(TestBackend &b, std::initializer_list<SseClient *> clients)
    {
        QList<int> before;
        for (SseClient *client : clients)
            before << client->comments;
        b.service().events().heartbeatNow();
        int i = 0;
        for (SseClient *client : clients) {
            const int seen = before.at(i++);
            if (!QTest::qWaitFor([&] { return client->comments > seen; }, WaitMs))
                return false;
        }
        return true;
    }

    // Five wrong answers: the standard institution's identity lock.
    static void lockIdentity(TestBackend &b)
    {
        const QString flow = accountStep(b);
        for (int i = 0; i < 5; ++i)
            wrongIdentity(b, flow);
    }

    static int count(TestBackend &b, const QString &sql, const QVariantList &values = {})
    {
        auto query = backend::runQuery(b.service().database().connection(), sql, values);
        if (!query || !query.value().next())
            qFatal("count: %s", qPrintable(sql));
        return query.value().value(0).toInt();
    }

private Q_SLOTS:
    void attemptsAndLocksInScope_data() { tc::test::addEngineRows(); }
    void attemptsAndLocksInScope()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        QSqlDatabase db = b->service().database().connection();
        QVERIFY(backend::Directory::addBranch(
            db, {StandardData::institution, u"002"_s, u"元町支店"_s, u"078-000-0002"_s}));
        QVERIFY(backend::Directory::addInstitution(
            db, {.id = u"gunma-mirai"_s, .name = u"ぐんまみらい信用組合"_s}));
        test::addStaff(b->service().database(), u"gunma-mirai"_s, u"gunma-sv"_s,
                       StaffRole::Supervisor, {}, TestBackend::staffPassword);

        auto teller = open(*b, b->staffToken(u"teller1"_s, StaffRole::Teller));
        auto otherTeller = open(*b, b->staffToken(u"teller2"_s, StaffRole::Teller, u"002"_s));
        auto support = open(*b, b->staffToken(u"support1"_s, StaffRole::Support, {}));
        auto supervisor = open(*b, b->staffToken(u"sv1"_s, StaffRole::Supervisor, {}));
        auto otherInstitution = open(*b, b->signInStaff(u"gunma-sv"_s));
        for (SseClient *client : {teller.get(), otherTeller.get(), support.get(), supervisor.get(),
                                  otherInstitution.get()})
            QTRY_VERIFY_WITH_TIMEOUT(client->isOpen(), WaitMs);
        QVERIFY(teller->head.contains("Content-Type: text/event-stream"));
        QCOMPARE(teller->retryMs, 3000);

        // One wrong answer: the account step's attempt, then the failure.
        const QString flow = accountStep(*b);
        QCOMPARE(wrongIdentity(*b, flow).json.value(u"code"_s).toString(),
                 QString(codes::IdentityMismatch));
        QTRY_COMPARE_WITH_TIMEOUT(teller->ofKind(u"attempt"_s).size(), 2, WaitMs);
        const QJsonObject failure = teller->ofKind(u"attempt"_s).at(1).data;
        QCOMPARE(failure.value(u"step"_s).toString(), u"customer"_s);
        QCOMPARE(failure.value(u"outcome"_s).toString(), u"failure"_s);
        QCOMPARE(failure.value(u"code"_s).toString(), QString(codes::IdentityMismatch));
        QCOMPARE(failure.value(u"account_id"_s).toInteger(), b->data().accountId);
        QCOMPARE(failure.value(u"branch_code"_s).toString(), u"001"_s);
        QCOMPARE(failure.value(u"account_number"_s).toString(), u"1234567"_s);
        QCOMPARE(failure.value(u"client_name"_s).toString(), u"しんくみアプリ with CRECO"_s);
        QCOMPARE(failure.value(u"customer_phone"_s).toString(), StandardData::phone);
        QVERIFY(failure.value(u"at"_s).toString().endsWith(u'Z'));
        QCOMPARE(teller->ofKind(u"attempt"_s).at(1).id, failure.value(u"id"_s).toInteger());
        // Nothing the customer typed travels in an event.
        for (const SseClient::Event &event : teller->events) {
            const QByteArray text = QJsonDocument(event.data).toJson();
            QVERIFY(!text.contains("1980-04-02") && !text.contains("taro@example.jp"));
        }

        // Four more: the fifth locks.
        for (int i = 0; i < 4; ++i)
            wrongIdentity(*b, flow);
        QTRY_COMPARE_WITH_TIMEOUT(teller->ofKind(u"lock"_s).size(), 1, WaitMs);
        const QJsonObject lock = teller->ofKind(u"lock"_s).constFirst().data;
        QCOMPARE(lock.value(u"lock_kind"_s).toString(), u"identity"_s);
        QCOMPARE(lock.value(u"day"_s).toString(), u"2026-11-24"_s);
        QCOMPARE(lock.value(u"releases_at"_s).toString(), u"2026-11-24T15:00:00.000Z"_s);
        QTRY_COMPARE_WITH_TIMEOUT(teller->ofKind(u"attempt"_s).size(), 6, WaitMs);
        QCOMPARE(teller->ofKind(u"attempt"_s).constLast().data.value(u"code"_s).toString(),
                 QString(codes::IdentityLockedNow));
        QCOMPARE(count(*b,
                       u"SELECT COUNT(*) FROM lock_events WHERE account_id = ? "
                       "AND event = 'locked'"_s,
                       {b->data().accountId}),
                 1);
        // Ids rise in the order sent.
        for (qsizetype i = 1; i < teller->events.size(); ++i)
            QVERIFY(teller->events.at(i).id > teller->events.at(i - 1).id);

        // The institution's supervisor sees the same; support the same with the phone masked.
        QTRY_COMPARE_WITH_TIMEOUT(supervisor->events.size(), 7, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(support->events.size(), 7, WaitMs);
        QCOMPARE(supervisor->events.at(1).data, failure);
        const QJsonObject masked = support->events.at(1).data;
        QCOMPARE(masked.value(u"customer_phone"_s).toString(), u"******0000"_s);
        QCOMPARE(masked.value(u"code"_s).toString(), QString(codes::IdentityMismatch));
        // Another branch's teller and another institution's staff get nothing.
        QVERIFY(drained(*b, {otherTeller.get(), otherInstitution.get()}));
        QCOMPARE(otherTeller->events.size(), 0);
        QCOMPARE(otherInstitution->events.size(), 0);
    }

    void reconnectWithLastEventId_data() { tc::test::addEngineRows(); }
    void reconnectWithLastEventId()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const QString token = b->staffToken(u"sv1"_s, StaffRole::Supervisor, {});
        auto first = open(*b, token);
        QTRY_VERIFY_WITH_TIMEOUT(first->isOpen(), WaitMs);
        const QString flow = accountStep(*b);
        wrongIdentity(*b, flow);
        QTRY_COMPARE_WITH_TIMEOUT(first->events.size(), 2, WaitMs);
        const qint64 lastSeen = first->events.constLast().id;
        first->close();
        QTRY_COMPARE_WITH_TIMEOUT(b->service().events().streamCount(), 0, WaitMs);

        // Missed while away: two failures.
        wrongIdentity(*b, flow);
        wrongIdentity(*b, flow);
        QCOMPARE(count(*b, u"SELECT COUNT(*) FROM events WHERE id > ?"_s, {lastSeen}), 2);

        auto second = open(*b, token, QByteArray::number(lastSeen));
        auto byQuery = open(*b, token, {}, u"?last_event_id=%1"_s.arg(lastSeen));
        QTRY_COMPARE_WITH_TIMEOUT(second->events.size(), 2, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(byQuery->events.size(), 2, WaitMs);
        QVERIFY(second->events.at(0).id > lastSeen);
        QVERIFY(second->events.at(1).id > second->events.at(0).id);
        // Then live, nothing twice.
        wrongIdentity(*b, flow);
        QTRY_COMPARE_WITH_TIMEOUT(second->events.size(), 3, WaitMs);
        QVERIFY(drained(*b, {second.get(), byQuery.get()}));
        QCOMPARE(second->events.size(), 3);
        QCOMPARE(byQuery->events.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(byQuery->events.at(i).id, second->events.at(i).id);

        // A malformed id is refused.
        auto bad = open(*b, token, "abc");
        QTRY_COMPARE_WITH_TIMEOUT(bad->status, 400, WaitMs);
    }

    void midnightReleaseRecordedOnce_data() { tc::test::addEngineRows(); }
    void midnightReleaseRecordedOnce()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        lockIdentity(*b);
        auto teller = open(*b, b->staffToken(u"teller1"_s, StaffRole::Teller));
        QTRY_VERIFY_WITH_TIMEOUT(teller->isOpen(), WaitMs);

        backend::events::LockReleaseJob job(b->service().database(), b->clock());
        // Still the day of the lock: nothing ended.
        QCOMPARE(job.runOnce().value(), 0);
        b->clock().set(test::tokyoTime(2026, 11, 25, 0, 0, 30));
        const Result<int> firstRun = job.runOnce();
        QVERIFY(firstRun);
        // Runs again, and another instance's job on its own database connection.
        QCOMPARE(job.runOnce().value(), 0);
        auto otherInstance = backend::Database::open(b->service().settings().database);
        QVERIFY(otherInstance);
        backend::events::LockReleaseJob otherJob(*otherInstance.value(), b->clock());
        QCOMPARE(otherJob.runOnce().value(), 0);
        // (The service's own job may have come first: either way, one row.)
        QCOMPARE(
            count(*b,
                  u"SELECT COUNT(*) FROM lock_events WHERE account_id = ? "
                  "AND event = 'released_at_midnight' AND at = ?"_s,
                  {b->data().accountId, test::tokyoTime(2026, 11, 25, 0, 0).toMSecsSinceEpoch()}),
            1);
        QCOMPARE(count(*b, u"SELECT COUNT(*) FROM lock_events"_s), 2);

        QTRY_COMPARE_WITH_TIMEOUT(teller->ofKind(u"release"_s).size(), 1, WaitMs);
        const QJsonObject release = teller->ofKind(u"release"_s).constFirst().data;
        QCOMPARE(release.value(u"how"_s).toString(), u"released_at_midnight"_s);
        QCOMPARE(release.value(u"lock_kind"_s).toString(), u"identity"_s);
        QCOMPARE(release.value(u"released_at"_s).toString(), u"2026-11-24T15:00:00.000Z"_s);
        QCOMPARE(release.value(u"account_id"_s).toInteger(), b->data().accountId);
        QVERIFY(drained(*b, {teller.get()}));
        QCOMPARE(teller->ofKind(u"release"_s).size(), 1);
        QCOMPARE(count(*b, u"SELECT COUNT(*) FROM events WHERE kind = 'release'"_s), 1);
    }

    // Under two-person control each request, decision and lapse reaches the supervisors and the
    // requesting branch's tellers at once (their queue and customer view follow it).
    void releaseRequestsLive_data() { tc::test::addEngineRows(); }
    void releaseRequestsLive()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        QSqlDatabase db = b->service().database().connection();
        QVERIFY(backend::runQuery(
            db, u"UPDATE institutions SET early_release_needs_approval = 1 WHERE id = ?"_s,
            {StandardData::institution}));
        QVERIFY(backend::Directory::addBranch(
            db, {StandardData::institution, u"002"_s, u"元町支店"_s, u"078-000-0002"_s}));
        const QString sv1 = b->staffToken(u"sv1"_s, StaffRole::Supervisor, {});
        const QString sv2 = b->staffToken(u"sv2"_s, StaffRole::Supervisor, {});
        auto teller = open(*b, b->staffToken(u"teller1"_s, StaffRole::Teller));
        auto otherTeller = open(*b, b->staffToken(u"teller2"_s, StaffRole::Teller, u"002"_s));
        auto supervisor = open(*b, sv2);
        for (SseClient *client : {teller.get(), otherTeller.get(), supervisor.get()})
            QTRY_VERIFY_WITH_TIMEOUT(client->isOpen(), WaitMs);

        const QString lockPath =
            u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(b->data().accountId);
        const auto call = [&b](const QString &token, const QByteArray &method, const QString &path,
                               const QJsonObject &body = {}) {
            return b->request(method, path,
                              body.isEmpty() ? QByteArray()
                                             : QJsonDocument(body).toJson(QJsonDocument::Compact),
                              {TestBackend::bearer(token)});
        };
        const auto request = [&](const QString &reason, bool lockFirst = true) {
            if (lockFirst)
                lockIdentity(*b);
            const auto answer = call(sv1, "DELETE", lockPath, {{u"reason"_s, reason}});
            if (answer.status != 202)
                qFatal("request: %d %s", answer.status, answer.body.constData());
            return answer.json.value(u"request_id"_s).toInteger();
        };
        const auto requestEvents = [](const SseClient &client, const QString &status) {
            QList<QJsonObject> found;
            for (const SseClient::Event &event : client.ofKind(u"release_request"_s)) {
                if (event.data.value(u"status"_s).toString() == status)
                    found << event.data;
            }
            return found;
        };

        // Requested: pending.
        const qint64 approvedId = request(u"窓口で本人確認"_s);
        QTRY_COMPARE_WITH_TIMEOUT(requestEvents(*teller, u"pending"_s).size(), 1, WaitMs);
        const QJsonObject pending = requestEvents(*teller, u"pending"_s).constFirst();
        QCOMPARE(pending.value(u"request_id"_s).toInteger(), approvedId);
        QCOMPARE(pending.value(u"lock_kind"_s).toString(), u"identity"_s);
        QCOMPARE(pending.value(u"requested_by"_s).toString(), u"sv1"_s);
        QCOMPARE(pending.value(u"staff"_s).toString(), u"sv1"_s);
        QCOMPARE(pending.value(u"reason"_s).toString(), u"窓口で本人確認"_s);
        QCOMPARE(pending.value(u"account_id"_s).toInteger(), b->data().accountId);
        QVERIFY(pending.value(u"customer_id"_s).toInteger() > 0);
        QCOMPARE(pending.value(u"account_number"_s).toString(), u"1234567"_s);
        const auto decoded = protocol::StaffEvent::fromJson(pending);
        QVERIFY(decoded);
        QCOMPARE(decoded->requestId, approvedId);

        // The requester cannot approve it (no event); another supervisor does.
        const QString approve = u"/api/v1/staff/release-requests/%1/approve"_s;
        QCOMPARE(call(sv1, "POST", approve.arg(approvedId)).status, 409);
        const auto approved =
            call(sv2, "POST", approve.arg(approvedId), {{u"note"_s, u"確認済み"_s}});
        QVERIFY2(approved.status == 200, approved.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(requestEvents(*teller, u"approved"_s).size(), 1, WaitMs);
        const QJsonObject decision = requestEvents(*teller, u"approved"_s).constFirst();
        QCOMPARE(decision.value(u"request_id"_s).toInteger(), approvedId);
        QCOMPARE(decision.value(u"staff"_s).toString(), u"sv2"_s);
        QCOMPARE(decision.value(u"requested_by"_s).toString(), u"sv1"_s);
        QCOMPARE(decision.value(u"note"_s).toString(), u"確認済み"_s);
        QTRY_COMPARE_WITH_TIMEOUT(teller->ofKind(u"release"_s).size(), 1, WaitMs);

        // Rejected, with the reason as the note.
        const qint64 rejectedId = request(u"電話で確認"_s);
        QCOMPARE(call(sv2, "POST", u"/api/v1/staff/release-requests/%1/reject"_s.arg(rejectedId),
                      {{u"reason"_s, u"書類不足"_s}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(requestEvents(*supervisor, u"rejected"_s).size(), 1, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(requestEvents(*teller, u"rejected"_s).size(), 1, WaitMs);
        const QJsonObject rejected = requestEvents(*teller, u"rejected"_s).constFirst();
        QCOMPARE(rejected.value(u"request_id"_s).toInteger(), rejectedId);
        QCOMPARE(rejected.value(u"note"_s).toString(), u"書類不足"_s);

        // Asked again (the lock is still on), and still pending at 00:00 Tokyo: lapsed, once
        // however often the job runs.
        const qint64 lapsedId = request(u"後で確認"_s, false);
        b->clock().set(test::tokyoTime(2026, 11, 25, 0, 0, 30));
        backend::events::LockReleaseJob job(b->service().database(), b->clock());
        QVERIFY(job.runOnce());
        QVERIFY(job.runOnce());
        QTRY_COMPARE_WITH_TIMEOUT(requestEvents(*teller, u"lapsed"_s).size(), 1, WaitMs);
        const QJsonObject lapsed = requestEvents(*teller, u"lapsed"_s).constFirst();
        QCOMPARE(lapsed.value(u"request_id"_s).toInteger(), lapsedId);
        QCOMPARE(lapsed.value(u"at"_s).toString(), u"2026-11-24T15:00:00.000Z"_s);
        QVERIFY(!lapsed.contains(u"staff"_s));
        QCOMPARE(count(*b,
                       u"SELECT COUNT(*) FROM lock_release_requests WHERE id = ? "
                       "AND status = 'lapsed'"_s,
                       {lapsedId}),
                 1);
        QVERIFY(drained(*b, {teller.get(), otherTeller.get(), supervisor.get()}));
        QCOMPARE(requestEvents(*supervisor, u"lapsed"_s).size(), 1);
        QCOMPARE(teller->ofKind(u"release_request"_s).size(), 6);
        // Another branch's teller hears nothing of it.
        QCOMPARE(otherTeller->ofKind(u"release_request"_s).size(), 0);
    }

    void streamLimitsAndDisconnects_data() { tc::test::addEngineRows(); }
    void streamLimitsAndDisconnects()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        auto &hub = b->service().events();
        const QString token = b->staffToken(u"sv1"_s, StaffRole::Supervisor, {});
        std::vector<std::unique_ptr<SseClient>> clients;
        for (int i = 0; i < hub.limits().streamsPerSession; ++i) {
            clients.push_back(open(*b, token));
            QTRY_VERIFY_WITH_TIMEOUT(clients.back()->isOpen(), WaitMs);
        }
        auto refused = open(*b, token);
        QTRY_COMPARE_WITH_TIMEOUT(refused->status, 429, WaitMs);
        QCOMPARE(QJsonDocument::fromJson(refused->errorBody).object().value(u"code"_s).toString(),
                 QString(codes::TooManyRequests));
        // A client that goes frees its slot.
        clients.front()->close();
        QTRY_COMPARE_WITH_TIMEOUT(hub.streamCount(), hub.limits().streamsPerSession - 1, WaitMs);
        auto again = open(*b, token);
        QTRY_VERIFY_WITH_TIMEOUT(again->isOpen(), WaitMs);

        // No staff token, or a wrong one: no stream.
        auto anonymous = std::make_unique<SseClient>(
            b->service().port(), b->certificates().caCertificate(), u"/api/v1/staff/events"_s,
            QList<std::pair<QByteArray, QByteArray>> {});
        QTRY_COMPARE_WITH_TIMEOUT(anonymous->status, 401, WaitMs);
        auto wrong = open(*b, u"not-a-token"_s);
        QTRY_COMPARE_WITH_TIMEOUT(wrong->status, 401, WaitMs);

        // Stopping the service ends the streams.
        b.reset();
        QTRY_VERIFY_WITH_TIMEOUT(again->closed, WaitMs);
    }

    // Signing out (or an operator disabling the account) ends the session's streams too: the
    // next heartbeat tells the client why and closes the stream.
    void signOutEndsTheStream_data() { tc::test::addEngineRows(); }
    void signOutEndsTheStream()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const QString token = b->staffToken(u"sv1"_s, StaffRole::Supervisor, {});
        const QString other = b->staffToken(u"sv2"_s, StaffRole::Supervisor, {});
        auto stream = open(*b, token);
        auto otherStream = open(*b, other);
        QTRY_VERIFY_WITH_TIMEOUT(stream->isOpen() && otherStream->isOpen(), WaitMs);
        QCOMPARE(b->request("DELETE", u"/api/v1/staff/session"_s, {}, {TestBackend::bearer(token)})
                     .status,
                 204);
        b->service().events().heartbeatNow();
        QTRY_VERIFY_WITH_TIMEOUT(stream->closed, WaitMs);
        QCOMPARE(stream->ofKind(u"session_ended"_s).size(), 1);
        QVERIFY(drained(*b, {otherStream.get()}));
        QVERIFY(!otherStream->closed);
    }

    // A suspension and a resume each reach every stream of the institution (a teller's too: the
    // app's linkages at the branch change state) saying which it was
    // (the envelope once wrote `suspended: false` over the payload's value).
    void suspensionsSayWhichWay_data() { tc::test::addEngineRows(); }
    void suspensionsSayWhichWay()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const QString token = b->staffToken(u"sv1"_s, StaffRole::Supervisor, {});
        auto supervisor = open(*b, token);
        auto support = open(*b, b->staffToken(u"support1"_s, StaffRole::Support, {}));
        auto teller = open(*b, b->staffToken(u"teller1"_s, StaffRole::Teller));
        QTRY_VERIFY_WITH_TIMEOUT(supervisor->isOpen() && support->isOpen() && teller->isOpen(),
                                 WaitMs);
        const QString path = u"/api/v1/staff/apps/%1/suspension"_s.arg(StandardData::clientId);
        for (const QByteArray method : {"POST", "DELETE"}) {
            QCOMPARE(b->request(method, path, R"({"reason":"提供会社から連絡"})",
                                {TestBackend::bearer(token)})
                         .status,
                     200);
        }
        for (SseClient *client : {supervisor.get(), support.get(), teller.get()}) {
            QTRY_COMPARE_WITH_TIMEOUT(client->ofKind(u"suspension"_s).size(), 2, WaitMs);
            const QList<SseClient::Event> suspensions = client->ofKind(u"suspension"_s);
            QCOMPARE(suspensions.at(0).data.value(u"suspended"_s), QJsonValue(true));
            QCOMPARE(suspensions.at(1).data.value(u"suspended"_s), QJsonValue(false));
            QCOMPARE(suspensions.at(0).data.value(u"client_id"_s).toString(),
                     StandardData::clientId);
            QCOMPARE(suspensions.at(0).data.value(u"reason"_s).toString(), u"提供会社から連絡"_s);
        }
    }

    void eventsInIdOrderAcrossUncommittedGaps()
    {
        // PostgreSQL hands out ids at INSERT: a transaction holding a smaller id may commit
        // after one holding a larger. The stream still sends them in id order, and one that
        // never commits holds the others back only briefly.
        auto b = TestBackend::started(u"postgresql"_s);
        auto stream = open(*b, b->staffToken(u"sv1"_s, StaffRole::Supervisor, {}));
        QTRY_VERIFY_WITH_TIMEOUT(stream->isOpen(), WaitMs);
        auto other = backend::Database::open(b->service().settings().database);
        QVERIFY(other);
        const auto event = [&](const QString &step) {
            return backend::events::Event {.institutionId = StandardData::institution,
                                           .branchId = b->data().branchId,
                                           .kind = u"attempt"_s,
                                           .payload = {{u"step"_s, step}},
                                           .atMs = b->clock().now().toMSecsSinceEpoch()};
        };
        const auto commitOne = [&](const QString &step) {
            return b->service().database().transaction<Success>(
                [&](QSqlDatabase &db) { return backend::events::publish(db, true, event(step)); });
        };

        for (const bool commitLate : {true, false}) {
            const qsizetype before = stream->events.size();
            QSqlDatabase slow = other.value()->connection();
            QVERIFY(slow.transaction());
            QVERIFY(backend::events::publish(slow, true, event(u"slow"_s)));
            QVERIFY(commitOne(u"fast"_s));
            // The later id is held back while the earlier one's transaction is open.
            QTest::qWait(300);
            QCOMPARE(stream->events.size(), before);
            if (commitLate) {
                QVERIFY(slow.commit());
                QTRY_COMPARE_WITH_TIMEOUT(stream->events.size(), before + 2, WaitMs);
                QCOMPARE(stream->events.at(before).data.value(u"step"_s).toString(), u"slow"_s);
                QCOMPARE(stream->events.at(before + 1).data.value(u"step"_s).toString(), u"fast"_s);
            } else {
                QVERIFY(slow.rollback());
                QTRY_COMPARE_WITH_TIMEOUT(stream->events.size(), before + 1, WaitMs);
                QCOMPARE(stream->events.at(before).data.value(u"step"_s).toString(), u"fast"_s);
            }
        }
    }

    void otherInstancesToldOnceAWhileAfterCommit()
    {
        // The hub tells the other instances (one NOTIFY) after the transactions that published
        // events have committed, once for all of them, not once per event or per commit; a
        // rolled-back transaction tells nobody.
        auto b = TestBackend::started(u"postgresql"_s);
        QSqlDatabase listener = backend::Database::cloneConnection(
            b->service().database().connection(), u"test-other-instance"_s);
        QVERIFY(listener.open());
        int told = 0;
        QVERIFY(
            listener.driver()->subscribeToNotification(QString(backend::events::NotifyChannel)));
        connect(listener.driver(), &QSqlDriver::notification, this, [&told] { ++told; });

        const auto publishTen = [&](bool keep) {
            return b->service().database().transaction<Success>([&](QSqlDatabase &db) -> Status {
                for (int i = 0; i < 10; ++i) {
                    const Status published =
                        backend::events::publish(db, true,
                                                 {.institutionId = StandardData::institution,
                                                  .branchId = b->data().branchId,
                                                  .kind = u"attempt"_s,
                                                  .payload = {{u"step"_s, u"account"_s}},
                                                  .atMs = b->clock().now().toMSecsSinceEpoch()});
                    if (!published)
                        return published;
                }
                if (!keep)
                    return Error {u"A03"_s, u"rolled back by the test"_s};
                return Success {};
            });
        };
        QVERIFY(!publishTen(false));
        QVERIFY(publishTen(true));
        QTRY_COMPARE_WITH_TIMEOUT(told, 1, WaitMs);
        QVERIFY(publishTen(true));
        QTRY_COMPARE_WITH_TIMEOUT(told, 2, WaitMs);
        QTest::qWait(300);
        QCOMPARE(told, 2);
        QCOMPARE(count(*b, u"SELECT count(*) FROM events WHERE payload LIKE '%account%'"_s), 20);

        // A customer's step through the HTTP API is told the same way.
        accountStep(*b);
        QTRY_COMPARE_WITH_TIMEOUT(told, 3, WaitMs);

        // An event committed on a connection of its own while a transaction of the backend is
        // open on this thread is told by its own commit, whatever that transaction does.
        auto other = backend::Database::open(b->service().settings().database);
        QVERIFY(other);
        QVERIFY(!b->service().database().transaction<Success>([&](QSqlDatabase &) -> Status {
            QSqlDatabase own = other.value()->connection();
            if (!own.transaction())
                return Error {u"A03"_s, own.lastError().text()};
            if (Status published =
                    backend::events::publish(own, true,
                                             {.institutionId = StandardData::institution,
                                              .branchId = b->data().branchId,
                                              .kind = u"attempt"_s,
                                              .payload = {{u"step"_s, u"own"_s}},
                                              .atMs = b->clock().now().toMSecsSinceEpoch()});
                !published)
                return published;
            if (!own.commit())
                return Error {u"A03"_s, own.lastError().text()};
            return Error {u"A03"_s, u"rolled back by the test"_s};
        }));
        QTRY_COMPARE_WITH_TIMEOUT(told, 4, WaitMs);
        listener.driver()->unsubscribeFromNotification(QString(backend::events::NotifyChannel));
        listener.close();
        listener = {};
        QSqlDatabase::removeDatabase(u"test-other-instance"_s);
    }

    void eventsCrossInstances()
    {
        // Two backend instances on one PostgreSQL database: a stream on the second receives
        // what a customer does through the first (LISTEN/NOTIFY).
        auto b = TestBackend::started(u"postgresql"_s);
        backend::BackendSettings settings = b->service().settings();
        settings.publicUrl.clear();
        auto second = backend::BackendService::start(
            settings, std::make_shared<backend::ManualClock>(b->clock().now()));
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        const QString token = b->staffToken(u"sv1"_s, StaffRole::Supervisor, {});
        auto stream = open(*b, token, {}, {}, second.value()->port());
        QTRY_VERIFY_WITH_TIMEOUT(stream->isOpen(), WaitMs);

        const QString flow = accountStep(*b);
        wrongIdentity(*b, flow);
        QTRY_COMPARE_WITH_TIMEOUT(stream->ofKind(u"attempt"_s).size(), 2, WaitMs);
        QCOMPARE(stream->ofKind(u"attempt"_s).at(1).data.value(u"code"_s).toString(),
                 QString(codes::IdentityMismatch));
        stream.reset();
        second.value().reset();
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
