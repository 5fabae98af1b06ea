// The main window in both languages, rendered offscreen and saved for a person to look at.
#include "BranchActivityView.h"
#include "ErrorCatalog.h"
#include "ExplainerWidget.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "SearchWidget.h"
#include "ServiceCalendar.h"
#include "ServiceStatusWidget.h"
#include "Settings.h"
#include "ShortcutsDialog.h"
#include "TableStateHelper.h"
#include "TokyoTime.h"
#include "Translations.h"
#include "UpcomingWindowsModel.h"
#include "WidgetTesting.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Tuesday 25 November 2025, 10:00 in Tokyo: open, the next pause is tonight's.
QDateTime fixedNow()
{
    return tc::tokyoDateTime(QDate(2025, 11, 25), QTime(10, 0));
}

// A header state of `columns` columns with one hidden.
QByteArray saved(int columns, int hidden)
{
    QStandardItemModel model(0, columns);
    QTableView view;
    view.setModel(&model);
    view.horizontalHeader()->setSectionHidden(hidden, true);
    return view.horizontalHeader()->saveState();
}

QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void texts_data();
    void texts();
    void rendersForScreenshots_data();
    void rendersForScreenshots();
    void quitShortcut();
    void everyMenuActionHasAShortcut();
    void sessionTabsOpenByShortcutAndGoOnSignOut();
    void shortcutsWindowListsTheMenus();
    void everyControlHasAnAccessibleName();
    void tableStateRoundTrips();
    void copiesSelectedRowsAsTabSeparatedText();
    void headerMenuShowsAndHidesColumns();
    void messageBarShowsErrorsInline();
    void branchActivityFiltersAndOpens();

private:
    const tc::ErrorCatalog &m_catalog = tc::ErrorCatalog::builtIn();
    tc::ServiceCalendar m_calendar;
};

void TestMainWindow::texts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("tabs");
    QTest::addColumn<QStringList>("menus");
    QTest::addColumn<QString>("status");

    QTest::newRow("ja") << u"ja"_s << u"窓口コンソール 0.1.0"_s
                        << QStringList {u"お客様"_s, u"店舗の認証状況"_s,
                                        u"コード・メッセージの説明"_s, u"サービス休止予定"_s}
                        << QStringList {u"ファイル(&F)"_s, u"表示(&V)"_s, u"ヘルプ(&H)"_s}
                        << u"受付中 — 次の休止 11/26(水) 00:00–00:01 毎日0時の休止"_s;
    QTest::newRow("en") << u"en"_s << u"Teller Console 0.1.0"_s
                        << QStringList {u"Customer"_s, u"Branch activity"_s,
                                        u"Explain a code or message"_s, u"Service pauses"_s}
                        << QStringList {u"&File"_s, u"&View"_s, u"&Help"_s}
                        << u"Open — next pause Wed 11/26 00:00–00:01 daily 00:00 pause"_s;
}

void TestMainWindow::texts()
{
    QFETCH(QString, language);
    QFETCH(QString, title);
    QFETCH(QStringList, tabs);
    QFETCH(QStringList, menus);
    QFETCH(QString, status);

    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(window.tabs()->count(), tabs.size());
    for (int i = 0; i < tabs.size(); ++i)
        QCOMPARE(window.tabs()->tabText(i), tabs.at(i));
    QCOMPARE(menuTitles(window), menus);
    QCOMPARE(window.serviceStatus()->statusText(), status);
}

void TestMainWindow::rendersForScreenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << u"ja"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestMainWindow::rendersForScreenshots()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));

    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    QAbstractItemModelTester tester(window.upcomingModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.resize(1100, 720);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Focus starts in the customer search; Ctrl+3 opens the explainer.
    QCOMPARE(QApplication::focusWidget(), window.search()->searchEdit());
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.tabs()->currentIndex(), int(tc::MainWindow::ExplainerTab));
    window.explainer()->queryEdit()->setFocus();
    QTest::keyClicks(window.explainer()->queryEdit(), u"B84"_s);
    QVERIFY(window.explainer()->currentEntry());

    const QString dir = tc::test::screenshotDir();
    const QString explainerPng = dir + u"/mainwindow_"_s + language + u"_explainer.png"_s;
    QVERIFY(window.grab().save(explainerPng));

    window.tabs()->setCurrentIndex(tc::MainWindow::PausesTab);
    QVERIFY(window.upcomingModel()->rowCount() > 30); // at least the daily pauses
    QTest::qWait(10);
    const QString pausesPng = dir + u"/mainwindow_"_s + language + u"_pauses.png"_s;
    QVERIFY(window.grab().save(pausesPng));
    qInfo("saved %s and %s", qPrintable(explainerPng), qPrintable(pausesPng));
}

void TestMainWindow::quitShortcut()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::Japanese));
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    const QList<QAction *> fileActions =
        window.menuBar()->actions().constFirst()->menu()->actions();
    QCOMPARE(fileActions.constLast()->text(), u"終了(&Q)"_s);
    QCOMPARE(fileActions.constLast()->shortcut(), QKeySequence(u"Ctrl+Q"_s));

    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window.isVisible());
}

void TestMainWindow::everyMenuActionHasAShortcut()
{
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    QSet<QKeySequence> seen;
    for (const QAction *action : window.menuActions()) {
        if (action->isSeparator())
            continue;
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        QVERIFY2(!seen.contains(action->shortcut()), qPrintable(action->text()));
        seen.insert(action->shortcut());
    }
    QVERIFY(seen.contains(QKeySequence(u"Ctrl+K"_s)));
    QVERIFY(seen.contains(QKeySequence(u"Ctrl+L"_s)));
    QVERIFY(seen.contains(QKeySequence(u"Ctrl+/"_s)));
}

void TestMainWindow::sessionTabsOpenByShortcutAndGoOnSignOut()
{
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const int fixedTabs = window.tabs()->count();
    auto page = std::make_unique<QWidget>();
    const QPointer<QWidget> approvals = page.get();
    QAction *open =
        window.addSessionTab(std::move(page), u"Approvals"_s, QKeySequence(u"Ctrl+5"_s));
    QVERIFY(window.menuActions().contains(open));
    QCOMPARE(window.tabs()->count(), fixedTabs + 1);

    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window.tabs()->currentWidget(), approvals.get());

    const QPointer<QAction> action = open;
    window.removeSessionTabs();
    QCOMPARE(window.tabs()->count(), fixedTabs);
    QVERIFY(approvals.isNull());
    QVERIFY(action.isNull());
}

void TestMainWindow::shortcutsWindowListsTheMenus()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    window.resize(1100, 720);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTest::keyClick(&window, Qt::Key_Slash, Qt::ControlModifier);
    QTRY_VERIFY(window.shortcutsDialog() && window.shortcutsDialog()->isVisible());
    const QStringList keys = window.shortcutsDialog()->shortcutTexts();
    for (const QString &key : {u"Ctrl+K"_s, u"Ctrl+L"_s, u"Ctrl+/"_s, u"Ctrl+Q"_s})
        QVERIFY2(keys.contains(QKeySequence(key).toString(QKeySequence::NativeText)),
                 qPrintable(keys.join(u", "_s)));
    // One row per menu action with a shortcut: the list is built from the menus themselves.
    qsizetype withShortcut = 0;
    for (const QAction *action : window.menuActions())
        withShortcut += action->shortcut().isEmpty() ? 0 : 1;
    QCOMPARE(keys.size(), withShortcut);
    QVERIFY(
        window.shortcutsDialog()->grab().save(tc::test::screenshotDir() + u"/shortcuts_en.png"_s));
}

void TestMainWindow::everyControlHasAnAccessibleName()
{
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    window.show();
    QStringList unnamed;
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        const bool control = qobject_cast<const QLineEdit *>(widget)
            || qobject_cast<const QAbstractItemView *>(widget)
            || qobject_cast<const QComboBox *>(widget)
            || qobject_cast<const QAbstractButton *>(widget)
            || qobject_cast<const QTabWidget *>(widget);
        // Qt's own parts (the line edit inside a combo box, tab bar scroll buttons) are named
        // by their owner.
        if (!control || widget->objectName().isEmpty() || widget->objectName().startsWith(u"qt_"_s))
            continue;
        if (widget->accessibleName().isEmpty())
            unnamed.append(widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

void TestMainWindow::tableStateRoundTrips()
{
    // Saved per view in the typed settings, read back by the next start.
    const std::unique_ptr<tc::Settings> settings = tc::Settings::temporary();
    {
        tc::MainWindow window(m_catalog, m_calendar, fixedNow);
        QHeaderView *header = window.upcomingView()->horizontalHeader();
        header->setSectionHidden(1, true);
        header->moveSection(0, 2);
        QVERIFY(window.tableStates().constLast()->hasUserLayout()); // a move is the user's
        for (const tc::TableStateHelper *table : window.tableStates())
            settings->setViewState(table->viewKey(), table->saveState());
        settings->sync();
    }
    const std::unique_ptr<tc::Settings> again = tc::Settings::inFile(settings->fileName());
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    QStringList keys;
    for (tc::TableStateHelper *table : window.tableStates()) {
        keys.append(table->viewKey());
        // The desk's tables have no columns before sign-in: nothing of theirs was saved.
        const QByteArray state = again->viewState(table->viewKey());
        QCOMPARE(state.isEmpty(), table->header()->count() == 0);
        if (!state.isEmpty())
            QVERIFY(table->restoreState(state));
    }
    QCOMPARE(keys.size(), QSet<QString>(keys.cbegin(), keys.cend()).size()); // one key per view
    QHeaderView *header = window.upcomingView()->horizontalHeader();
    QVERIFY(header->isSectionHidden(1));
    QCOMPARE(header->visualIndex(0), 2);

    tc::TableStateHelper *pauses = window.tableStates().constLast();
    QCOMPARE(pauses->viewKey(), u"servicePauses"_s);
    QVERIFY(!pauses->restoreState({}));
    QVERIFY(!pauses->restoreState("not a header state"));
    QVERIFY(header->isSectionHidden(1));

    // A state restored before the model arrives (the desk's models come at sign-in) is applied
    // when its columns do.
    tc::TableStateHelper *activity = window.branchActivity()->tableState();
    QCOMPARE(activity->header()->count(), 0);
    QVERIFY(activity->restoreState(saved(4, 2)));
    QStandardItemModel rows(1, 4);
    window.branchActivity()->setModel(&rows);
    QVERIFY(activity->header()->isSectionHidden(2));
    QCOMPARE(activity->saveState(), activity->header()->saveState());
}

void TestMainWindow::headerMenuShowsAndHidesColumns()
{
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    tc::TableStateHelper *pauses = window.tableStates().constLast();
    QHeaderView *header = window.upcomingView()->horizontalHeader();
    QVERIFY(header->contextMenuPolicy() == Qt::CustomContextMenu);
    std::unique_ptr<QMenu> menu = pauses->columnsMenu();
    QVERIFY(menu);
    const QList<QAction *> columns = menu->actions();
    // One entry per column, then a separator and "Fit columns to contents".
    QCOMPARE(columns.size(), header->count() + 2);
    QCOMPARE(columns.at(1)->text(),
             window.upcomingModel()->headerData(1, Qt::Horizontal).toString());
    QVERIFY(!pauses->hasUserLayout());
    columns.at(1)->trigger();
    QVERIFY(header->isSectionHidden(1));
    QVERIFY(pauses->hasUserLayout());
    // The last shown column cannot be hidden.
    for (int column = 0; column < header->count(); ++column)
        header->setSectionHidden(column, column != 0);
    menu = pauses->columnsMenu();
    QVERIFY(!menu->actions().at(0)->isEnabled());
}

void TestMainWindow::copiesSelectedRowsAsTabSeparatedText()
{
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    window.tabs()->setCurrentIndex(tc::MainWindow::PausesTab);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTableView *view = window.upcomingView();
    view->setFocus();
    view->selectRow(0);
    view->selectionModel()->select(view->model()->index(1, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    const QStringList cells = lines.constFirst().split(u'\t');
    QCOMPARE(cells.size(), view->model()->columnCount());
    QCOMPARE(cells.constFirst(), view->model()->index(0, 0).data().toString());
}

void TestMainWindow::messageBarShowsErrorsInline()
{
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    window.show();
    QVERIFY(window.messageBar()->isHidden());
    window.showError(u"The backend did not answer."_s);
    QVERIFY(window.messageBar()->isVisible());
    QCOMPARE(window.messageBar()->text(), u"The backend did not answer."_s);
    QVERIFY(!QApplication::activeModalWidget());
    window.messageBar()->dismiss();
    QVERIFY(window.messageBar()->isHidden());
}

void TestMainWindow::branchActivityFiltersAndOpens()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    tc::BranchActivityView *activity = window.branchActivity();
    QStandardItemModel rows;
    rows.setHorizontalHeaderLabels({u"Time"_s, u"Account"_s, u"Step"_s, u"Code"_s});
    for (const auto &[time, code, customer] :
         {std::tuple {u"14:03"_s, u"B84"_s, 7}, std::tuple {u"14:02"_s, u"B83"_s, 8}}) {
        auto *first = new QStandardItem(time);
        first->setData(customer, Qt::UserRole);
        rows.appendRow({first, new QStandardItem(u"001 ordinary 1234567"_s),
                        new QStandardItem(u"customer"_s), new QStandardItem(code)});
    }
    activity->setModel(&rows);
    window.openTab(tc::MainWindow::ActivityTab);
    window.resize(1100, 720);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Tellers see their branch; supervisors choose one.
    QVERIFY(!activity->branchCombo()->isVisible());
    activity->setBranchChoice(true, {});
    activity->addBranch(u"002"_s, u"西支店"_s);
    activity->addBranch(u"001"_s, u"本店営業部"_s);
    QVERIFY(activity->branchCombo()->isVisible());
    QCOMPARE(activity->branchCombo()->count(), 3);
    QCOMPARE(activity->branchCombo()->itemData(1).toString(), u"001"_s);

    QSignalSpy filters(activity, &tc::BranchActivityView::filtersChanged);
    activity->outcomeCombo()->setCurrentIndex(activity->outcomeCombo()->findData(u"failure"_s));
    QCOMPARE(filters.size(), 1);
    QCOMPARE(activity->outcome(), u"failure"_s);
    activity->codeEdit()->setFocus();
    QTest::keyClicks(activity->codeEdit(), u"b84"_s);
    QTest::keyClick(activity->codeEdit(), Qt::Key_Return);
    QCOMPARE(filters.size(), 2);
    QCOMPARE(activity->code(), u"B84"_s);

    // Sorted by a click on a header; the row opened is still the right one.
    QTableView *table = activity->tableView();
    table->sortByColumn(3, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, 3).data().toString(), u"B83"_s);
    QSignalSpy opened(activity, &tc::BranchActivityView::customerRequested);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().value<QModelIndex>().data(Qt::UserRole).toInt(), 8);
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/branchactivity_offline_en.png"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
