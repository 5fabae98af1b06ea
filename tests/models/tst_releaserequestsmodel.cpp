// ReleaseRequestsModel against the real backend under two-person control: requests arrive live,
// newest first, with their waiting time; a decision taken in another console removes the row
// live, or (without the stream) when this console's own decision is refused S10; a supervisor's
// own request is refused S08 and stays; a rejection without a reason is refused S05.
#include "ConsoleFixture.h"
#include "Database.h"
#include "EventStream.h"
#include "ReleaseRequestsModel.h"
#include "TestFlow.h"
#include "TokyoTime.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using backend::staff::StaffRole;
using test::WaitMs;

namespace {

// Two supervisors (staff1 signed in to the console, sv2 over HTTP) and a teller of branch 001;
// every early release of the institution waits for approval.
struct Fixture
{
    std::unique_ptr<test::Console> console = test::Console::started(StaffRole::Supervisor);
    test::TestBackend &backend = *console->backend;
    QString teller = backend.staffToken(u"teller1"_s, StaffRole::Teller);
    QString otherSupervisor = backend.staffToken(u"sv2"_s, StaffRole::Supervisor, {});

    Fixture()
    {
        if (!backend::runQuery(
                backend.service().database().connection(),
                u"UPDATE institutions SET early_release_needs_approval = 1 WHERE id = ?"_s,
                {test::StandardData::institution}))
            qFatal("two-person control");
    }

    // The lock of that kind on, as the customer's failures would leave it.
    void lock(const QString &kind)
    {
        if (kind == u"identity"_s) {
            const QString flow = test::flow::accountStep(backend);
            for (int i = 0; i < 5; ++i)
                test::flow::wrongIdentity(backend, flow);
            return;
        }
        if (!backend::runQuery(backend.service().database().connection(),
                               u"INSERT INTO lock_counters (account_id, kind, day, failures, "
                               "locked_at) VALUES (?, 'pin', ?, 3, ?)"_s,
                               {backend.data().accountId,
                                tokyoDate(backend.clock().now()).toString(Qt::ISODate),
                                backend.clock().now().toMSecsSinceEpoch()}))
            qFatal("pin lock");
    }

    test::TestBackend::Reply call(const QString &token, const QByteArray &method,
                                  const QString &path, const QJsonObject &body = {})
    {
        return backend.request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                               {test::TestBackend::bearer(token)});
    }

    qint64 request(const QString &token, const QString &kind, const QJsonObject &proof)
    {
        QJsonObject body = proof;
        body.insert(u"reason"_s, u"窓口で本人確認 (%1)"_s.arg(kind));
        const auto answer = call(
            token, "DELETE",
            u"/api/v1/staff/accounts/%1/locks/%2"_s.arg(backend.data().accountId).arg(kind), body);
        if (answer.status != 202)
            qFatal("request: %d %s", answer.status, answer.body.constData());
        return answer.json.value(u"request_id"_s).toInteger();
    }
    qint64 tellerRequest(const QString &kind)
    {
        return request(
            teller, kind,
            {{u"reason_kind"_s, u"counter_document"_s}, {u"identity_document"_s, u"passport"_s}});
    }
};

} // namespace

class TestReleaseRequestsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveNewestFirst()
    {
        Fixture f;
        client::EventStream events(f.console->client.get());
        events.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), client::EventStream::State::Connected, WaitMs);
        ReleaseRequestsModel model(f.console->client.get(), &events,
                                   [&f] { return f.backend.clock().now(); });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &ReleaseRequestsModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(model.rowCount(), 0);

        f.lock(u"identity"_s);
        const qint64 identity = f.tellerRequest(u"identity"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, WaitMs);
        f.backend.clock().advance(2 * 60 * 1000);
        f.lock(u"pin"_s);
        const qint64 pin = f.tellerRequest(u"pin"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, WaitMs);
        // Newest first, each with how long it has waited.
        QCOMPARE(model.index(0, 0).data(ReleaseRequestsModel::RequestIdRole).toLongLong(), pin);
        QCOMPARE(model.index(1, 0).data(ReleaseRequestsModel::RequestIdRole).toLongLong(),
                 identity);
        QCOMPARE(model.index(1, ReleaseRequestsModel::WaitingColumn).data().toString(), u"2 min"_s);
        QCOMPARE(model.index(0, ReleaseRequestsModel::LockColumn).data().toString(),
                 u"PIN, 3 failure(s)"_s);
        QCOMPARE(model.index(0, ReleaseRequestsModel::ProofColumn).data().toString(),
                 u"At the counter: Passport"_s);
        QCOMPARE(model.index(0, 0).data(ReleaseRequestsModel::RequesterRole).toString(),
                 u"teller1"_s);
        QVERIFY(!model.index(0, ReleaseRequestsModel::CustomerColumn).data().toString().isEmpty());
        QCOMPARE(model.index(0, 0).data(ReleaseRequestsModel::CustomerIdRole).toLongLong(),
                 f.console->customerId());

        // Decided in another console: the row leaves by itself.
        QCOMPARE(f.call(f.otherSupervisor, "POST",
                        u"/api/v1/staff/release-requests/%1/approve"_s.arg(identity))
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, WaitMs);
        QCOMPARE(model.index(0, 0).data(ReleaseRequestsModel::RequestIdRole).toLongLong(), pin);

        // Decided here: the row leaves once the server agrees.
        QSignalSpy decided(&model, &ReleaseRequestsModel::decided);
        model.decide(pin, ReleaseRequestsModel::Decision::Reject, u"記録なし"_s);
        QVERIFY(model.isDeciding(pin));
        QVERIFY(decided.wait(WaitMs));
        QCOMPARE(model.rowCount(), 0);
        events.stop();
    }

    void refusals()
    {
        Fixture f;
        // No stream: only the console's own calls change the list.
        ReleaseRequestsModel model(f.console->client.get(), nullptr,
                                   [&f] { return f.backend.clock().now(); });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &ReleaseRequestsModel::loaded);
        QSignalSpy failed(&model, &ReleaseRequestsModel::decisionFailed);

        // Its own request: S08, and it stays for another supervisor.
        f.lock(u"identity"_s);
        const qint64 own = f.request(f.console->token, u"identity"_s, {});
        model.reload();
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(model.rowCount(), 1);
        model.decide(own, ReleaseRequestsModel::Decision::Approve, {});
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(failed.at(0).at(2).value<client::ClientError>().code, u"S08"_s);
        QCOMPARE(model.rowCount(), 1);

        // A rejection without a reason: S05, nothing changed.
        model.decide(own, ReleaseRequestsModel::Decision::Reject, u"  "_s);
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(failed.at(1).at(2).value<client::ClientError>().code, u"S05"_s);
        QCOMPARE(model.rowCount(), 1);

        // Decided meanwhile by another supervisor: S10, and the row leaves.
        QCOMPARE(f.call(f.otherSupervisor, "POST",
                        u"/api/v1/staff/release-requests/%1/reject"_s.arg(own),
                        {{u"reason"_s, u"本人確認の記録なし"_s}})
                     .status,
                 200);
        model.decide(own, ReleaseRequestsModel::Decision::Approve, {});
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(failed.at(2).at(2).value<client::ClientError>().code, u"S10"_s);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReleaseRequestsModel)
#include "tst_releaserequestsmodel.moc"
