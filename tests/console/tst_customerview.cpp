// The customer view with a customer as the staff API describes one, offline: the header's lock
// sentence and the script for a selected attempt, rendered in both languages for a person to
// look at. (tst_desk drives the same view against the real backend.)
#include "CustomerScriptWidget.h"
#include "CustomerView.h"
#include "ErrorCatalog.h"
#include "MainWindow.h"
#include "ServiceCalendar.h"
#include "TokyoTime.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QApplication>
#include <QDir>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

// 20:48 in Tokyo: the identity lock ends at 00:00, in 3 h 12 min.
QDateTime fixedNow()
{
    return tc::tokyoDateTime(QDate(2026, 11, 24), QTime(20, 48));
}

tc::protocol::CustomerDetail lockedCustomer()
{
    tc::protocol::AccountLock identity;
    identity.kind = u"identity"_s;
    identity.failuresToday = 5;
    identity.threshold = 5;
    identity.locked = true;
    identity.lockedAt = tc::tokyoDateTime(QDate(2026, 11, 24), QTime(14, 2));
    identity.releaseAt = tc::tokyoDateTime(QDate(2026, 11, 25), QTime(0, 0));
    tc::protocol::AccountLock pin;
    pin.kind = u"pin"_s;
    pin.threshold = 5;

    tc::protocol::Account account;
    account.id = 1;
    account.branchCode = u"001"_s;
    account.branchName = u"本店営業部"_s;
    account.accountType = u"ordinary"_s;
    account.accountNumber = u"1234567"_s;
    account.cashCardIssued = true;
    account.status = u"active"_s;
    account.hasLockState = true;
    account.locks = {identity, pin};

    tc::protocol::CustomerDetail detail;
    detail.customer.id = 1;
    detail.customer.nameKana = u"ﾃﾞｰﾀ ﾀﾛｳ"_s;
    detail.customer.birthDate = u"1980-04-01"_s;
    detail.customer.phone = u"0786310000"_s;
    detail.customer.accounts = {account};
    detail.activeLinkages = 1;
    detail.totalLinkages = 2;
    return detail;
}

// A flow of the attempts tree, as AttemptsModel shows one: the flow row and its steps.
constexpr int CodeRole = Qt::UserRole + 1;
constexpr int AccountRole = Qt::UserRole + 2;

void addFlow(QStandardItemModel &model, const QString &time, const QList<QStringList> &steps)
{
    auto *flow = new QStandardItem(time);
    QList<QStandardItem *> row {flow, new QStandardItem(steps.constLast().at(0)),
                                new QStandardItem(steps.constLast().at(1))};
    for (const QStringList &step : steps) {
        auto *item = new QStandardItem(step.at(0));
        item->setData(step.at(1), CodeRole);
        item->setData(1, AccountRole);
        flow->appendRow({item, new QStandardItem(step.at(1)), new QStandardItem(QString())});
    }
    flow->setData(steps.constLast().at(1), CodeRole);
    flow->setData(1, AccountRole);
    model.appendRow(row);
}

} // namespace

class TestCustomerView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsLockAndScript_data();
    void showsLockAndScript();

private:
    const tc::ErrorCatalog &m_catalog = tc::ErrorCatalog::builtIn();
    tc::ServiceCalendar m_calendar;
};

void TestCustomerView::showsLockAndScript_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lockWords");
    QTest::newRow("en") << u"en"_s << u"00:00 JST"_s;
    QTest::newRow("ja") << u"ja"_s << u"00:00"_s;
}

void TestCustomerView::showsLockAndScript()
{
    QFETCH(QString, language);
    QFETCH(QString, lockWords);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));

    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    QStandardItemModel attempts;
    attempts.setHorizontalHeaderLabels({u"Time / step"_s, u"Code"_s, u"Outcome"_s});
    addFlow(attempts, u"20:40"_s, {{u"① account"_s, u"B84"_s}});
    addFlow(attempts, u"14:02"_s, {{u"① account"_s, QString()}, {u"② customer"_s, u"B83"_s}});
    tc::CustomerView *view = window.customerView();
    view->setAttemptsModel(
        &attempts, [](const QModelIndex &index) -> std::optional<tc::protocol::Attempt> {
            tc::protocol::Attempt attempt;
            attempt.code = index.siblingAtColumn(0).data(CodeRole).toString();
            attempt.accountId = index.siblingAtColumn(0).data(AccountRole).toLongLong();
            return attempt;
        });
    view->setDetail(lockedCustomer());
    window.openTab(tc::MainWindow::CustomerTab);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY2(view->headerText().contains(u"ﾃﾞｰﾀ ﾀﾛｳ"_s), qPrintable(view->headerText()));
    QVERIFY2(view->headerText().contains(lockWords), qPrintable(view->headerText()));
    QVERIFY2(view->headerText().contains(u"3"_s), qPrintable(view->headerText()));

    view->attemptsView()->expandAll();
    view->attemptsView()->setCurrentIndex(attempts.index(0, 0));
    QCOMPARE(view->script()->code(), u"B84"_s);
    const QString script = view->script()->scriptText();
    QVERIFY2(script.startsWith(u"B84: "_s), qPrintable(script));
    QVERIFY2(script.contains(lockWords), qPrintable(script));
    QVERIFY2(script.contains(
                 tc::staffText(m_catalog.find(u"B84")->tellCustomer, tc::currentUiLanguage())),
             qPrintable(script));

    const QString png = tc::test::screenshotDir() + u"/customer_offline_"_s + language + u".png"_s;
    QVERIFY(window.grab().save(png));
    qInfo("saved %s", qPrintable(png));
}

QTEST_MAIN(TestCustomerView)
#include "tst_customerview.moc"
