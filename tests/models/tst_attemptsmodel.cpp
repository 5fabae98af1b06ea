// AttemptsModel against the real backend: a customer's steps grouped into flows, newest first,
// paged from the server's cursor (a flow cut by a page boundary is one flow), and live attempts
// inserted at the top or into their flow while a row stays selected and a flow expanded.
#include "AttemptsModel.h"
#include "ConsoleFixture.h"
#include "ErrorCodes.h"
#include "EventStream.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using test::WaitMs;

class TestAttemptsModel final : public QObject
{
    Q_OBJECT

    static QStringList flowIds(const AttemptsModel &model)
    {
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids << model.index(row, 0).data(AttemptsModel::FlowIdRole).toString();
        return ids;
    }

    static QStringList stepsOf(const AttemptsModel &model, int row)
    {
        QStringList steps;
        const QModelIndex flow = model.index(row, 0);
        for (int child = 0; child < model.rowCount(flow); ++child)
            steps << model.index(child, 0, flow).data(AttemptsModel::StepRole).toString();
        return steps;
    }

private Q_SLOTS:
    void pagesJoinFlows()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        // Seven steps in four flows (oldest first): f1 ① ②✗, f2 ① ②✗ ②✗, f3 ①, f4 ①.
        const QString f1 = test::failedFlow(b, 1);
        const QString f2 = test::failedFlow(b, 2);
        const QString f3 = test::failedFlow(b, 0);
        const QString f4 = test::failedFlow(b, 0);

        AttemptsModel model(console->client.get(), nullptr);
        model.setPageSize(2); // pages: f4 f3 | f2 f2 | f2 f1 | f1
        QSignalSpy loaded(&model, &AttemptsModel::pageLoaded);
        model.setCustomer(console->customerId());
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(flowIds(model), (QStringList {f4, f3}));
        QVERIFY(model.canFetchMore({}));
        QVERIFY(!model.isComplete());

        model.fetchMore({});
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(flowIds(model), (QStringList {f4, f3, f2}));
        QCOMPARE(stepsOf(model, 2), (QStringList {u"customer"_s, u"customer"_s}));

        // The next page holds f2's first step: it joins f2 at the top of its steps.
        model.fetchMore({});
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(flowIds(model), (QStringList {f4, f3, f2, f1}));
        QCOMPARE(stepsOf(model, 2), (QStringList {u"account"_s, u"customer"_s, u"customer"_s}));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(loaded.wait(WaitMs));
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(stepsOf(model, 3), (QStringList {u"account"_s, u"customer"_s}));
        // The tester fetches more on every change, as a view scrolled to the end does: attached
        // only now, so that the pages above came one at a time.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);

        // What the flow row says: the failed step and its code; steps say theirs.
        const QModelIndex flow2 = model.index(2, 0);
        QCOMPARE(flow2.data(AttemptsModel::FailedRole).toBool(), true);
        QCOMPARE(model.index(2, AttemptsModel::CodeColumn).data().toString(),
                 QString(codes::IdentityMismatch));
        QCOMPARE(flow2.data(AttemptsModel::OutcomeRole).toString(), u"failure"_s);
        QCOMPARE(model.index(2, AttemptsModel::StepColumn).data().toString(), u"② Customer data"_s);
        QVERIFY(!model.index(2, AttemptsModel::MessageColumn).data().toString().isEmpty());
        QCOMPARE(model.index(0, 0).data(AttemptsModel::OutcomeRole).toString(), u"unfinished"_s);
        const QModelIndex step = model.index(0, AttemptsModel::StepColumn, flow2);
        QCOMPARE(step.data().toString(), u"① Account"_s);
        QCOMPARE(model.index(0, AttemptsModel::OutcomeColumn, flow2).data().toString(),
                 u"Success"_s);
        QVERIFY(step.data(AttemptsModel::AttemptIdRole).toLongLong() > 0);
        QCOMPARE(step.data(AttemptsModel::FlowIdRole).toString(), f2);
        // Times in Tokyo: the test clock's afternoon.
        QCOMPARE(model.index(0, AttemptsModel::TimeColumn, flow2).data().toString(),
                 model.attemptAt(model.index(0, 0, flow2))
                     ->at.toTimeZone(QTimeZone("Asia/Tokyo"))
                     .toString(u"HH:mm:ss"_s));
        QCOMPARE(model.attemptAt(flow2)->step, u"customer"_s); // a flow answers its last step
    }

    // Live: a new flow goes to the top, a new step of an older flow joins it and lifts it to the
    // top; the selected flow and an expanded flow's step stay where the teller left them.
    void liveAttemptsKeepTheSelection()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        const QString f1 = test::failedFlow(b, 1);
        const QString f2 = test::failedFlow(b, 1);
        const QString f3 = test::failedFlow(b, 0);

        client::EventStream events(console->client.get());
        events.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), client::EventStream::State::Connected, WaitMs);
        AttemptsModel model(console->client.get(), &events);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &AttemptsModel::pageLoaded);
        model.setCustomer(console->customerId());
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(flowIds(model), (QStringList {f3, f2, f1}));

        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(1, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QPersistentModelIndex f1Step(model.index(1, 0, model.index(2, 0)));
        QCOMPARE(f1Step.data(AttemptsModel::StepRole).toString(), u"customer"_s);

        // A new flow: at the top.
        const QString f4 = test::failedFlow(b, 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, WaitMs);
        QCOMPARE(flowIds(model), (QStringList {f4, f3, f2, f1}));
        QCOMPARE(selection.currentIndex().data(AttemptsModel::FlowIdRole).toString(), f2);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().constFirst().row(), 2);

        // A new step of f1 (the customer is still on its screen ②): f1 rises to the top with it.
        b.clock().advance(1000);
        test::wrongIdentity(b, u"/api/v1/flows/"_s + f1);
        QTRY_COMPARE_WITH_TIMEOUT(flowIds(model), (QStringList {f1, f4, f3, f2}), WaitMs);
        QCOMPARE(stepsOf(model, 0), (QStringList {u"account"_s, u"customer"_s, u"customer"_s}));
        QCOMPARE(selection.currentIndex().data(AttemptsModel::FlowIdRole).toString(), f2);
        QCOMPARE(selection.selectedRows().constFirst().row(), 3);
        QVERIFY(f1Step.isValid());
        QCOMPARE(f1Step.parent().row(), 0);
        QCOMPARE(f1Step.row(), 1);
        QCOMPARE(f1Step.data(AttemptsModel::FlowIdRole).toString(), f1);
        QCOMPARE(model.flowCount(), 4);
    }

    // A view scrolled to the end (here the tester) pulls every page in turn.
    void fetchMoreAcrossAllPages()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        QStringList flows;
        for (int i = 0; i < 6; ++i)
            flows.prepend(test::failedFlow(b, i % 2));
        AttemptsModel model(console->client.get(), nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setPageSize(3);
        model.setCustomer(console->customerId());
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(flowIds(model), flows);
        int steps = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            steps += model.rowCount(model.index(row, 0));
        QCOMPARE(steps, 9);
    }

    void anotherCustomerEmptiesTheModel()
    {
        auto console = test::Console::started();
        test::failedFlow(*console->backend, 1);
        AttemptsModel model(console->client.get(), nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &AttemptsModel::pageLoaded);
        model.setCustomer(console->customerId());
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(model.rowCount(), 1);
        model.setCustomer(0);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isLoading());
        // A customer the caller may not see: the server's S06, no rows.
        QSignalSpy failed(&model, &AttemptsModel::loadFailed);
        model.setCustomer(999999);
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(model.error()->code, u"S06"_s);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAttemptsModel)
#include "tst_attemptsmodel.moc"
