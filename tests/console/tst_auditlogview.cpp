// The supervisors' audit log against the real backend over HTTPS: the model pages the server's
// rows under QAbstractItemModelTester; the view, opened with Ctrl+7 on a supervisor's desk
// (absent for tellers), filters by a staff user typed on the keyboard, shows the chain's state,
// and exports exactly the matching rows of every page to a CSV file with a BOM; a cancelled
// export leaves no file. Screenshots in Japanese and English.
#include "AuditCsvExport.h"
#include "AuditLogModel.h"
#include "AuditLogView.h"
#include "BackendClient.h"
#include "Desk.h"
#include "DeskSession.h"
#include "ErrorCatalog.h"
#include "MainWindow.h"
#include "MustSucceed.h"
#include "ServiceCalendar.h"
#include "TestBackend.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::test::TestBackend;

class TestAuditLogView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelPagesTheServersRows();
    void tellersHaveNoAuditTab();
    void supervisorFiltersAndExports_data();
    void supervisorFiltersAndExports();
    void cancelledExportLeavesNoFile();
    void keyboardOnly();

private:
    // The seqs of the stored rows of `username`, newest first as the server pages them.
    QList<qint64> storedRowsOf(const QString &username);

    std::unique_ptr<TestBackend> m_backend;
    QTemporaryDir m_dir;
};

void TestAuditLogView::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    using tc::backend::staff::StaffRole;
    QVERIFY(tc::test::addStaffUser(*m_backend, u"teller"_s, StaffRole::Teller));
    QVERIFY(tc::test::addStaffUser(*m_backend, u"supervisor"_s, StaffRole::Supervisor));
    // The teller's day: searches and a refused release, 20 s apart (more than a page).
    const QString teller = m_backend->signInStaff(u"teller"_s);
    for (int i = 0; i < 7; ++i) {
        m_backend->clock().advance(20'000);
        QCOMPARE(m_backend
                     ->request("GET",
                               u"/api/v1/staff/customers?branch_code=001&account_number="
                               "1234567"_s,
                               {}, {TestBackend::bearer(teller)})
                     .status,
                 200);
    }
    const auto refused = m_backend->request(
        "DELETE", u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(m_backend->data().accountId),
        R"({"reason":"窓口で本人確認のうえ解除, \"=1+1\""})",
        {TestBackend::bearer(teller), {"Content-Type", "application/json"}});
    QVERIFY(refused.status >= 200 && refused.status < 500);
    const QString supervisor = m_backend->signInStaff(u"supervisor"_s);
    QCOMPARE(m_backend
                 ->request("GET", u"/api/v1/staff/customers?phone=0786310000"_s, {},
                           {TestBackend::bearer(supervisor)})
                 .status,
             200);
    QVERIFY(m_dir.isValid());
}

QList<qint64> TestAuditLogView::storedRowsOf(const QString &username)
{
    auto q = tc::test::mustRun(m_backend->service().database().connection(),
                               u"SELECT seq FROM audit_log WHERE username = ? "
                               "ORDER BY at DESC, seq DESC"_s,
                               {username}, "stored rows");
    QList<qint64> seqs;
    while (q.next())
        seqs.append(q.value(0).toLongLong());
    return seqs;
}

void TestAuditLogView::modelPagesTheServersRows()
{
    auto backendClient = tc::test::pinnedClient(*m_backend);
    tc::test::signIn(*m_backend, *backendClient, u"supervisor"_s);
    tc::AuditLogModel model(backendClient.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(3);
    const QList<qint64> want = storedRowsOf(u"teller"_s);
    QVERIFY(want.size() > 6);
    model.setFilters({.username = u"teller"_s});
    QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);
    QCOMPARE(model.rowCount() % 3, 0); // whole pages (the tester fetches more, too)
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QTRY_VERIFY(!model.isLoading());
    }
    QVERIFY(model.isComplete());
    QList<qint64> seqs;
    for (int row = 0; row < model.rowCount(); ++row)
        seqs.append(model.index(row, 0).data(tc::AuditLogModel::SeqRole).toLongLong());
    QCOMPARE(seqs, want);
    // What a supervisor reads in each column of the refused release.
    bool sawRelease = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(tc::AuditLogModel::ActionRole).toString() != u"lock.release"_s)
            continue;
        sawRelease = true;
        const auto cell = [&](int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(tc::AuditLogModel::StaffColumn), u"teller"_s);
        QCOMPARE(cell(tc::AuditLogModel::RoleColumn), u"Teller"_s);
        QCOMPARE(cell(tc::AuditLogModel::ActionColumn), u"Cleared a lock early"_s);
        QVERIFY(cell(tc::AuditLogModel::TargetColumn).startsWith(u"account:"_s));
        QVERIFY(cell(tc::AuditLogModel::ReasonColumn).startsWith(u"窓口で"_s));
        QVERIFY(!cell(tc::AuditLogModel::ResultColumn).isEmpty());
        QCOMPARE(cell(tc::AuditLogModel::SourceColumn), u"127.0.0.1"_s);
        QCOMPARE(cell(tc::AuditLogModel::TimeColumn).size(), 19); // 2026-11-24 15:30:05
    }
    QVERIFY(sawRelease);
    QCOMPARE(model.headerData(tc::AuditLogModel::TimeColumn, Qt::Horizontal).toString(),
             u"Time (JST)"_s);

    // A view holds at most maxRows: the rest is the export's.
    tc::AuditLogModel capped(backendClient.get());
    capped.setPageSize(2);
    capped.setMaxRows(4);
    capped.setFilters({.username = u"teller"_s});
    QTRY_VERIFY(!capped.isLoading() && capped.rowCount() > 0);
    while (capped.canFetchMore({})) {
        capped.fetchMore({});
        QTRY_VERIFY(!capped.isLoading());
    }
    QCOMPARE(capped.rowCount(), 4);
    QVERIFY(capped.isTruncated());
    QVERIFY(!capped.isComplete());

    // The chain's state comes with it.
    QSignalSpy chain(&model, &tc::AuditLogModel::chainStateChanged);
    model.refreshChainState();
    QVERIFY(chain.wait(10000));
    QVERIFY(model.chainState()->intact);
    QVERIFY(model.chainState()->intactThroughSeq > 0);
}

void TestAuditLogView::tellersHaveNoAuditTab()
{
    tc::test::DeskSession session(*m_backend, u"teller"_s, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    QVERIFY(!desk.auditLogModel());
    QVERIFY(!window.findChild<tc::AuditLogView *>());
}

void TestAuditLogView::supervisorFiltersAndExports_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << u"ja"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestAuditLogView::supervisorFiltersAndExports()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    tc::test::DeskSession session(*m_backend, u"supervisor"_s, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    QVERIFY(desk.auditLogModel());
    QAbstractItemModelTester tester(desk.auditLogModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.resize(1400, 800);
    QVERIFY(session.activate());

    // Ctrl+7 opens the audit log, which loads with the chain's state.
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    auto *view = qobject_cast<tc::AuditLogView *>(window.tabs()->currentWidget());
    QVERIFY(view);
    auto *chainLabel = tc::test::child<QLabel>(*view, u"chainLabel"_s);
    QTRY_VERIFY(desk.auditLogModel()->chainState().has_value());
    QVERIFY2(chainLabel->text().contains(
                 desk.auditLogModel()->chainState()->intactThroughSeq
                     ? QString::number(desk.auditLogModel()->chainState()->intactThroughSeq)
                     : u"?"_s),
             qPrintable(chainLabel->text()));
    QTRY_VERIFY(desk.auditLogModel()->rowCount() > 0);

    // The teller's rows only: typed, then Enter.
    auto *staffEdit = tc::test::child<QLineEdit>(*view, u"staffEdit"_s);
    tc::test::retype(staffEdit, u"teller"_s);
    QTest::keyClick(staffEdit, Qt::Key_Return);
    tc::AuditLogModel *model = desk.auditLogModel();
    QTRY_VERIFY(!model->isLoading() && model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->rowAt(row).username, u"teller"_s);
    QTableView *table = view->tableView();
    QVERIFY(!table->isSortingEnabled());
    table->setFocus();
    table->setCurrentIndex(model->index(0, 0));
    QTest::qWait(50);
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/auditlog_"_s + language + u".png"_s));

    // Export: every page of the filter, read back.
    const QList<qint64> want = storedRowsOf(u"teller"_s);
    const QString path = m_dir.filePath(u"audit-%1.csv"_s.arg(language));
    QSignalSpy ended(view, &tc::AuditLogView::exportEnded);
    view->exportTo(path, 2);
    QVERIFY(view->exportProgress());
    QVERIFY(ended.wait(20000));
    QCOMPARE(ended.constLast().at(1).toLongLong(), want.size());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QList<QByteArray> lines = bytes.mid(3).split('\n');
    QCOMPARE(lines.takeLast(), QByteArray()); // the last line ends with CRLF too
    QCOMPARE(lines.size(), want.size() + 1);
    QVERIFY(lines.at(0).endsWith('\r'));
    const QStringList header = QString::fromUtf8(lines.at(0).chopped(1)).split(u',');
    QCOMPARE(header.at(0), tc::AuditCsvExport::tr("No."));
    QList<qint64> seqs;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i).chopped(1));
        seqs.append(line.section(u',', 0, 0).toLongLong());
        QCOMPARE(line.section(u',', 2, 2), u"teller"_s);
        if (line.contains(u"lock.release"_s)) // the reason quoted, its quotes doubled
            QVERIFY2(line.contains(u"\"窓口で本人確認のうえ解除, \"\"=1+1\"\"\""_s),
                     qPrintable(line));
    }
    QCOMPARE(seqs, want);
    QVERIFY(view->tableView()->isEnabled());
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/auditlog_exported_"_s + language
                               + u".png"_s));
}

// Cancel after the first page was written: no file, not even a partial one, and nothing left
// beside it.
void TestAuditLogView::cancelledExportLeavesNoFile()
{
    auto backendClient = tc::test::pinnedClient(*m_backend);
    tc::test::signIn(*m_backend, *backendClient, u"supervisor"_s);
    tc::AuditLogModel model(backendClient.get());
    tc::AuditLogView view(&model);
    view.resize(1100, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cancelled.csv"_s);
    QSignalSpy ended(&view, &tc::AuditLogView::exportEnded);
    view.exportTo(path, 1);
    QPointer<QProgressDialog> progress = view.exportProgress();
    QVERIFY(progress);
    QSignalSpy progressed(view.runningExport(), &tc::AuditCsvExport::progressed);
    QVERIFY(progressed.wait(10000));
    QVERIFY(progress->isVisible());
    QVERIFY(progress->labelText().contains(u"1"_s));
    QVERIFY(progress->grab().save(tc::test::screenshotDir() + u"/auditlog_export_progress.png"_s));
    QTest::keyClick(progress, Qt::Key_Escape); // Cancel by keyboard
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.constFirst().at(1).toLongLong(), -1);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    QTRY_VERIFY(!progress);
}

// Every filter reached and applied with the keyboard alone: mnemonics, typing, Enter.
void TestAuditLogView::keyboardOnly()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    auto backendClient = tc::test::pinnedClient(*m_backend);
    tc::test::signIn(*m_backend, *backendClient, u"supervisor"_s);
    tc::AuditLogModel model(backendClient.get());
    tc::AuditLogView view(&model);
    view.resize(1100, 600);
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);

    QTest::keyClick(&view, Qt::Key_C, Qt::AltModifier); // A&ction
    auto *actions = tc::test::child<QComboBox>(view, u"actionCombo"_s);
    QCOMPARE(QApplication::focusWidget(), actions);
    QTest::keyClicks(actions, u"Cleared"_s);
    QCOMPARE(actions->currentData().toString(), u"lock.release"_s);
    QTest::keyClick(&view, Qt::Key_S, Qt::AltModifier); // &Staff user
    QCOMPARE(QApplication::focusWidget(), tc::test::child<QLineEdit>(view, u"staffEdit"_s));
    QTest::keyClicks(QApplication::focusWidget(), u"teller"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!model.isLoading() && model.filters().action == u"lock.release"_s);
    QCOMPARE(model.filters().username, u"teller"_s);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).action, u"lock.release"_s);

    // Alt+L clears every filter and lists everything again.
    QTest::keyClick(&view, Qt::Key_L, Qt::AltModifier);
    QTRY_VERIFY(!model.isLoading() && model.filters() == tc::AuditLogModel::Filters {});
    QTRY_VERIFY(model.rowCount() > 1);
}

QTEST_MAIN(TestAuditLogView)
#include "tst_auditlogview.moc"
