// The caller check tab (Ctrl+8) against the real backend over HTTPS, by keyboard alone: a support
// agent opens the customer, types what the caller says; a failed check shows each field's
// result as a mark and a word and gives no check id; a passed one gives the id the release
// sends, and the server then clears the lock with it; the validity counts down and ends after
// 10 minutes; past the limit of failed checks the refusal (S12) is said plainly. Tellers get the
// tab too, supervisors not. Screenshots of the tab.
#include "BackendClient.h"
#include "CallerCheckPanel.h"
#include "CallerCheckState.h"
#include "Database.h"
#include "Desk.h"
#include "DeskSession.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "MainWindow.h"
#include "ServiceCalendar.h"
#include "TestBackend.h"
#include "TestDirectory.h"
#include "TestFlow.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QApplication>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::test::TestBackend;
using tc::test::typeText;

namespace {

constexpr int FailuresPerCustomer = 2;

} // namespace

class TestCallerCheckPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void supportChecksTheCaller();
    void tabOfTheRoles_data();
    void tabOfTheRoles();
    void screenshots_data();
    void screenshots();

private:
    qint64 customerA() const;
    // The customer opened, then Ctrl+8: the caller check tab, if it is the current one.
    static tc::CallerCheckPanel *openCallerCheck(tc::test::DeskSession &session, qint64 customer);

    std::unique_ptr<TestBackend> m_backend;
};

void TestCallerCheckPanel::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY(m_backend->start(u"sqlite"_s, [](tc::backend::BackendSettings &settings) {
        settings.staff.callerCheckFailuresPerCustomerPerHour = FailuresPerCustomer;
    }));
    tc::test::addTellerSupportSupervisor(*m_backend);
}

qint64 TestCallerCheckPanel::customerA() const
{
    return tc::test::customerOfAccount(m_backend->service().database().connection(),
                                       m_backend->data().accountId);
}

tc::CallerCheckPanel *TestCallerCheckPanel::openCallerCheck(tc::test::DeskSession &session,
                                                            qint64 customer)
{
    session.desk->openCustomer(customer);
    QTest::keyClick(&session.window, Qt::Key_8, Qt::ControlModifier);
    return qobject_cast<tc::CallerCheckPanel *>(session.window.tabs()->currentWidget());
}

void TestCallerCheckPanel::supportChecksTheCaller()
{
    TestBackend &backend = *m_backend;
    tc::test::DeskSession session(backend, u"support"_s, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.resize(1100, 700);
    QVERIFY(session.activate());

    const qint64 customer = customerA();
    auto *panel = openCallerCheck(session, customer);
    QVERIFY(panel);
    QTRY_COMPARE(panel->customerId(), customer);
    QTRY_COMPARE(QApplication::focusWidget(), panel->nameKanaEdit());
    tc::CallerCheckState *checks = desk.callerChecks();

    // A caller who gets the birth date wrong: no match there, no check id to act on.
    typeText(QApplication::focusWidget(), u"でーた たろう"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), u"1980-04-02"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), u"078-631-0000"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(panel->outcomeText().contains(u"Not passed"_s));
    QCOMPARE(panel->fieldResultTexts(),
             QStringList({u"✓ Match"_s, u"✗ No match"_s, u"✓ Match"_s, u"– Not given"_s}));
    QVERIFY(checks->validCheckId(customer).isEmpty());
    QVERIFY(panel->validityText().isEmpty());
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/caller_check_failed_en.png"_s));

    // The server refuses the agent's release without a passed check (S11).
    for (int i = 0; i < 5; ++i)
        tc::test::flow::wrongIdentity(backend, tc::test::flow::accountStep(backend));
    const QString lockPath =
        u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(backend.data().accountId);
    const auto release = [&](const QString &checkId) {
        tc::protocol::StaffChange change {.reason = u"電話で本人確認"_s,
                                          .reasonKind = u"phone_caller_check"_s,
                                          .callerCheckId = checkId};
        return backend.request(
            "DELETE", lockPath, QJsonDocument(change.toJson()).toJson(QJsonDocument::Compact),
            {TestBackend::bearer(session.staff.accessToken), {"Content-Type", "application/json"}});
    };
    QCOMPARE(release({}).json.value(u"code"_s).toString(),
             QString(tc::codes::StaffCallerCheckRequired));

    // Corrected: passed, with the id and its validity counting down.
    QLineEdit *birthDate = panel->birthDateEdit();
    birthDate->setFocus(Qt::ShortcutFocusReason);
    birthDate->selectAll();
    QTest::keyClicks(birthDate, u"1980-04-01"_s);
    QTest::keyClick(birthDate, Qt::Key_Return);
    QTRY_VERIFY(panel->outcomeText().contains(u"Passed"_s));
    QCOMPARE(panel->fieldResultTexts(),
             QStringList({u"✓ Match"_s, u"✓ Match"_s, u"✓ Match"_s, u"– Not given"_s}));
    const QString checkId = checks->validCheckId(customer);
    QVERIFY(!checkId.isEmpty());
    QVERIFY2(panel->validityText().contains(checkId)
                 && panel->validityText().contains(u"valid for 10:00 more"_s),
             qPrintable(panel->validityText()));
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/caller_check_passed_en.png"_s));
    backend.clock().advance(61 * 1000);
    QTRY_VERIFY2(panel->validityText().contains(u"valid for 8:59 more"_s),
                 qPrintable(panel->validityText()));
    // The release with the id: the lock is cleared.
    const auto released = release(checkId);
    QVERIFY2(released.status == 200, released.body.constData());

    // After 10 minutes the id is gone, and the panel says so.
    backend.clock().advance(9 * 60 * 1000);
    QTRY_VERIFY(panel->validityText().contains(u"expired"_s));
    QVERIFY(checks->validCheckId(customer).isEmpty());
    tc::test::signIn(backend, session.client, u"support"_s); // the access token lives 5 minutes

    // Past the limit of failed checks, the refusal in plain words.
    for (int i = 1; i < FailuresPerCustomer; ++i) {
        birthDate->selectAll();
        QTest::keyClicks(birthDate, u"1980-04-03"_s);
        QTest::keyClick(birthDate, Qt::Key_Return);
        QTRY_VERIFY(panel->outcomeText().contains(u"Not passed"_s));
    }
    birthDate->selectAll();
    QTest::keyClicks(birthDate, u"1980-04-01"_s);
    QTest::keyClick(birthDate, Qt::Key_Return);
    QTRY_VERIFY2(panel->outcomeText().contains(u"too many caller checks"_s),
                 qPrintable(panel->outcomeText()));
    QVERIFY(panel->outcomeText().contains(u"S12"_s));
    // No marks of an earlier check beside what was typed since.
    QCOMPARE(panel->fieldResultTexts(), QStringList({{}, {}, {}, {}}));
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/caller_check_limited_en.png"_s));
}

void TestCallerCheckPanel::tabOfTheRoles_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("hasTab");
    QTest::newRow("teller") << u"teller"_s << true;
    QTest::newRow("support") << u"support"_s << true;
    QTest::newRow("supervisor") << u"supervisor"_s << false;
}

void TestCallerCheckPanel::tabOfTheRoles()
{
    QFETCH(QString, user);
    QFETCH(bool, hasTab);
    TestBackend &backend = *m_backend;
    tc::test::DeskSession session(backend, user, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    bool found = false;
    for (int i = 0; i < window.tabs()->count(); ++i)
        found = found || qobject_cast<tc::CallerCheckPanel *>(window.tabs()->widget(i));
    QCOMPARE(found, hasTab);
    // Every role's desk keeps the state the release dialogs ask.
    QVERIFY(desk.callerChecks());
}

void TestCallerCheckPanel::screenshots_data()
{
    tc::test::addLanguageRows();
}

// A teller's passed check with the account, in each language (look at them).
void TestCallerCheckPanel::screenshots()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    TestBackend &backend = *m_backend;
    backend.clock().advance(3601LL * 1000); // past the earlier test's limits
    tc::test::DeskSession session(backend, u"teller"_s, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.resize(1100, 640);
    QVERIFY(session.activate());
    const qint64 customer = customerA();
    auto *panel = openCallerCheck(session, customer);
    QVERIFY(panel);
    QTRY_COMPARE(panel->customerId(), customer);
    typeText(panel->nameKanaEdit(), u"ﾃﾞｰﾀ ﾀﾛｳ"_s);
    QTest::keyClicks(panel->birthDateEdit(), u"1980-04-01"_s);
    QTest::keyClicks(panel->phoneEdit(), u"0786310000"_s);
    QTest::keyClicks(panel->branchCodeEdit(), u"001"_s);
    QTest::keyClicks(panel->accountNumberEdit(), u"1234567"_s);
    QTest::keyClick(panel->accountNumberEdit(), Qt::Key_Return);
    QTRY_VERIFY(!desk.callerChecks()->validCheckId(customer).isEmpty());
    QCOMPARE(desk.callerChecks()->latest(customer)->account, u"match"_s);
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/caller_check_teller_"_s + language
                               + u".png"_s));
}

QTEST_MAIN(TestCallerCheckPanel)
#include "tst_callercheckpanel.moc"
