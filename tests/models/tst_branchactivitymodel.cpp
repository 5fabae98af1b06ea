// BranchActivityModel against the real backend: the branch's attempts of today, newest first,
// paged; the server's filters (code, outcome) reloading on change; live attempts of the branch
// inserted at the top when they match, while the selected row stays selected.
#include "BranchActivityModel.h"
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

class TestBranchActivityModel final : public QObject
{
    Q_OBJECT

    static QStringList column(const BranchActivityModel &model, int role)
    {
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row)
            values << model.index(row, 0).data(role).toString();
        return values;
    }

private Q_SLOTS:
    void pagesAndFilters()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        test::failedFlow(b, 1); // ① ②✗
        test::failedFlow(b, 2); // ① ②✗ ②✗
        test::failedFlow(b, 0); // ①

        BranchActivityModel model(console->client.get(), nullptr);
        model.setPageSize(2);
        QSignalSpy loaded(&model, &BranchActivityModel::pageLoaded);
        model.setFilters(BranchActivityModel::today(b.clock().now(), u"001"_s));
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(column(model, BranchActivityModel::StepRole),
                 (QStringList {u"account"_s, u"customer"_s}));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(model.rowCount(), 4);
        // The rest through the tester, as a view scrolled to the end would fetch it.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(model.rowCount(), 6);
        const QModelIndex failure = model.index(1, 0);
        QCOMPARE(failure.data(BranchActivityModel::CustomerIdRole).toLongLong(),
                 console->customerId());
        QCOMPARE(failure.data(BranchActivityModel::BranchCodeRole).toString(), u"001"_s);
        QVERIFY(failure.data(BranchActivityModel::FailedRole).toBool());
        QCOMPARE(model.index(1, BranchActivityModel::CodeColumn).data().toString(),
                 QString(codes::IdentityMismatch));
        QCOMPARE(model.index(1, BranchActivityModel::StepColumn).data().toString(),
                 u"② Customer data"_s);

        // The server filters: failures only (three), then a code nobody got.
        model.setOutcome(u"failure"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(column(model, BranchActivityModel::OutcomeRole),
                 (QStringList {u"failure"_s, u"failure"_s, u"failure"_s}));
        model.setCode(u"b21"_s);
        QCOMPARE(model.filters().code, u"B21"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(model.rowCount(), 3);
        model.setCode(u"D01"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(model.rowCount(), 0);
    }

    // A long day holds a window of pages: those not shown lately are dropped, counted still, and
    // fetched again with their own cursor when shown; live rows above shift nothing.
    void windowOfPages()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        test::failedFlow(b, 1);
        test::failedFlow(b, 2);
        test::failedFlow(b, 0);
        test::failedFlow(b, 1); // 8 rows: 4 pages of 2
        client::EventStream events(console->client.get());
        events.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), client::EventStream::State::Connected, WaitMs);

        BranchActivityModel model(console->client.get(), &events);
        model.setPageSize(2);
        model.setMaxHeldRows(4);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy windowed(&model, &BranchActivityModel::windowedChanged);
        // Each row's attempt as it arrived.
        QList<qint64> ids;
        connect(
            &model, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row) {
                    ids.insert(
                        row,
                        model.index(row, 0).data(BranchActivityModel::AttemptIdRole).toLongLong());
                }
            });
        model.setFilters(BranchActivityModel::today(b.clock().now(), u"001"_s));
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(model.rowCount(), 8);
        QVERIFY(model.isWindowed());
        QCOMPARE(windowed.size(), 1);
        // The newest page, the last one fetched, and the one before it: the tester read its last
        // row as the last page came (a row read since the previous page came is on the screen).
        QCOMPARE(model.heldRows(), 6);
        QCOMPARE(model.index(7, 0).data(BranchActivityModel::AttemptIdRole).toLongLong(),
                 ids.at(7));

        // A live row arrives at the top (a failure of another flow): the rows below move by one.
        b.clock().advance(1000);
        test::wrongIdentity(b, test::accountStep(b));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, WaitMs); // ① and ②✗
        QVERIFY(model.index(0, 0).data(BranchActivityModel::LiveRole).toBool());

        // Row 4 (page 1, dropped) is a placeholder until its page is back.
        const QModelIndex dropped = model.index(2 + 2, BranchActivityModel::TimeColumn);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(dropped.data().toString(), u"Loading…"_s);
        QVERIFY(!dropped.data(BranchActivityModel::AttemptIdRole).isValid());
        QVERIFY(!model.attemptAt(dropped.row()));
        QVERIFY(changed.wait(WaitMs));
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 4);
        QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), 5);
        for (const int row : {4, 5}) {
            QCOMPARE(model.index(row, 0).data(BranchActivityModel::AttemptIdRole).toLongLong(),
                     ids.at(row));
            QVERIFY(model.index(row, 0).data(BranchActivityModel::StepRole).toString().size() > 0);
        }
        QVERIFY(model.heldRows() <= 4 + 2);
        QVERIFY(!model.canFetchMore({}));

        // A screen showing every row (more than the window): the pages come back and stay while
        // shown, instead of being fetched over and over.
        int rounds = 0;
        const auto allHeld = [&model] {
            bool all = true;
            for (int row = 0; row < model.rowCount(); ++row)
                all = model.attemptAt(row) != nullptr && all; // each read, as a paint would
            return all;
        };
        while (!allHeld() && ++rounds < 20)
            QVERIFY(changed.wait(WaitMs));
        QVERIFY2(rounds < 20, "the window never held the screen");
        QCOMPARE(model.heldRows(), 10 - 2); // every page; the live rows are not in pages
        changed.clear();
        QVERIFY(allHeld());
        QVERIFY(!changed.wait(300)); // nothing asked for again

        // Reloading starts a new window.
        model.reload();
        QCOMPARE(windowed.size(), 2);
        QVERIFY(!windowed.constLast().at(0).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.heldRows() <= 6); // as above: one page the tester read stays
    }

    void liveRowsAtTheTop()
    {
        auto console = test::Console::started();
        test::TestBackend &b = *console->backend;
        test::failedFlow(b, 1);
        client::EventStream events(console->client.get());
        events.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), client::EventStream::State::Connected, WaitMs);

        BranchActivityModel model(console->client.get(), &events);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        BranchActivityModel::Filters filters =
            BranchActivityModel::today(b.clock().now(), u"001"_s);
        filters.outcome = u"failure"_s;
        model.setFilters(filters);
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(model.rowCount(), 1);
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(0, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const qint64 selectedId =
            model.index(0, 0).data(BranchActivityModel::AttemptIdRole).toLongLong();

        // A flow of ① (success, filtered out) and ②✗ (a failure: at the top).
        b.clock().advance(1000);
        const QString flow = test::accountStep(b);
        test::wrongIdentity(b, flow);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, WaitMs);
        const QModelIndex live = model.index(0, 0);
        QVERIFY(live.data(BranchActivityModel::LiveRole).toBool());
        QCOMPARE(live.data(BranchActivityModel::OutcomeRole).toString(), u"failure"_s);
        QCOMPARE(live.data(BranchActivityModel::CustomerIdRole).toLongLong(),
                 console->customerId());
        QCOMPARE(model.index(0, BranchActivityModel::AccountColumn).data().toString(),
                 u"001 Ordinary 1234567"_s);
        QVERIFY(!live.data(Qt::ToolTipRole).toString().isEmpty()); // the customer's message
        QCOMPARE(selection.currentIndex().row(), 1);
        QCOMPARE(selection.currentIndex().data(BranchActivityModel::AttemptIdRole).toLongLong(),
                 selectedId);

        // Reloading shows the server's rows, the live one among them.
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && !model.isLoading(), WaitMs);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.index(0, 0).data(BranchActivityModel::LiveRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestBranchActivityModel)
#include "tst_branchactivitymodel.moc"
