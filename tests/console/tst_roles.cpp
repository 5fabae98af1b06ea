// Roles × actions: for teller, support and supervisor and every StaffAction, what the console
// offers (a real MainWindow and Desk signed in with that role against the real backend: the
// tab, the button, the field) against what the server allows (the real endpoint called with
// that role's session: an answer other than the role's refusal, or the refusal). The two must
// agree with each other and with core/StaffPermissions. Changes carry an identity proof, so
// that only the role decides.
#include "AppsView.h"
#include "BackendClient.h"
#include "BranchActivityView.h"
#include "CustomerView.h"
#include "Desk.h"
#include "DeskSession.h"
#include "Directory.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "MainWindow.h"
#include "MustSucceed.h"
#include "RoleGate.h"
#include "SearchWidget.h"
#include "ServiceCalendar.h"
#include "TestBackend.h"
#include "TestFlow.h"
#include "TokyoTime.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::permissions::StaffAction;
using tc::test::StandardData;
using tc::test::TestBackend;

namespace {

const QString nameKana = u"ﾃﾞｰﾀ ﾀﾛｳ"_s; // the standard customer's

QString actionName(StaffAction action)
{
    switch (action) {
    case StaffAction::ViewCustomers:
        return u"ViewCustomers"_s;
    case StaffAction::ViewAnyBranch:
        return u"ViewAnyBranch"_s;
    case StaffAction::SeeFullPersonalData:
        return u"SeeFullPersonalData"_s;
    case StaffAction::ReleaseLock:
        return u"ReleaseLock"_s;
    case StaffAction::RevokeLinkage:
        return u"RevokeLinkage"_s;
    case StaffAction::CallerCheck:
        return u"CallerCheck"_s;
    case StaffAction::DecideReleaseRequest:
        return u"DecideReleaseRequest"_s;
    case StaffAction::SuspendApp:
        return u"SuspendApp"_s;
    case StaffAction::ReadAudit:
        return u"ReadAudit"_s;
    case StaffAction::DailyReport:
        return u"DailyReport"_s;
    }
    return {};
}

// The session tab an action opens, by the shortcut the brief assigns it.
std::optional<QKeySequence> tabShortcut(StaffAction action)
{
    switch (action) {
    case StaffAction::DecideReleaseRequest:
        return QKeySequence(Qt::CTRL | Qt::Key_5);
    case StaffAction::SuspendApp:
        return QKeySequence(Qt::CTRL | Qt::Key_6);
    case StaffAction::ReadAudit:
        return QKeySequence(Qt::CTRL | Qt::Key_7);
    case StaffAction::CallerCheck:
        return QKeySequence(Qt::CTRL | Qt::Key_8);
    default:
        return std::nullopt;
    }
}

// The customer view's button (or action) whose English text starts with `label`.
std::optional<QString> customerControlLabel(StaffAction action)
{
    switch (action) {
    case StaffAction::ReleaseLock:
        return u"Clear lock"_s;
    case StaffAction::RevokeLinkage:
        return u"Revoke"_s;
    default:
        return std::nullopt;
    }
}

QString plain(QString text)
{
    return text.remove(u'&');
}

// One signed-in console: its own client, window and desk.
using Seat = tc::test::DeskSession;

// What the console shows of an action: offered or not, or no control for it on this build
// (then only the gate speaks for the console).
struct Offer
{
    std::optional<bool> offered;
    QString control;
    std::optional<QString> why; // what the console says where it does not offer it
};

} // namespace

Q_DECLARE_METATYPE(tc::permissions::StaffAction)

class TestRoles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void consoleAndServerAgree_data();
    void consoleAndServerAgree();

private:
    Seat &seat(const QString &role) { return *m_seats.at(role); }
    Offer consoleOffer(Seat &seat, StaffAction action);
    // The answer of the action's endpoint for the role's session.
    TestBackend::Reply serverAnswer(Seat &seat, StaffAction action);
    QJsonObject changeBody(Seat &seat);

    std::unique_ptr<TestBackend> m_backend;
    tc::Translations m_translations;
    std::map<QString, std::unique_ptr<Seat>> m_seats;
    qint64 m_customerA = 0; // the standard customer, branch 001, locked, one linkage
    qint64 m_customerB = 0; // a customer of branch 002
    qint64 m_linkageA = 0;
};

void TestRoles::initTestCase()
{
    QVERIFY(m_translations.install(tc::UiLanguage::English));
    m_backend = TestBackend::started(u"sqlite"_s);
    TestBackend &b = *m_backend;
    QSqlDatabase db = b.service().database().connection();
    namespace Directory = tc::backend::Directory;
    const qint64 branch002 = tc::test::must(
        Directory::addBranch(db, {StandardData::institution, u"002"_s, u"須磨支店"_s, {}}),
        "branch 002");
    m_customerB = tc::test::must(
        Directory::addCustomer(
            db, {StandardData::institution, u"ｽﾏ ﾊﾅｺ"_s, QDate(1975, 6, 30), u"0787350000"_s}),
        "customer B");
    tc::test::must(Directory::addAccount(db,
                                         {.customerId = m_customerB,
                                          .branchId = branch002,
                                          .accountType = u"ordinary"_s,
                                          .accountNumber = u"2222222"_s}),
                   "account B");

    // Customer A: linked to the app, then locked (five wrong birth dates), as on a call.
    tc::test::flow::linkedTokens(b);
    const QString flow = tc::test::flow::accountStep(b);
    for (int i = 0; i < 5; ++i)
        tc::test::flow::wrongIdentity(b, flow);

    using tc::backend::staff::StaffRole;
    for (const auto &[role, staffRole] :
         {std::pair {u"teller"_s, StaffRole::Teller}, std::pair {u"support"_s, StaffRole::Support},
          std::pair {u"supervisor"_s, StaffRole::Supervisor}}) {
        QVERIFY(tc::test::addStaffUser(b, role, staffRole));
        auto s = std::make_unique<Seat>(b, role, Seat::Live::Off);
        s->window.show();
        m_seats.emplace(role, std::move(s));
    }

    const TestBackend::Reply detail =
        b.request("GET", u"/api/v1/staff/customers/%1/linkages"_s.arg(b.data().accountId), {},
                  {TestBackend::bearer(seat(u"supervisor"_s).staff.accessToken)});
    QCOMPARE(detail.status, 200);
    m_customerA = b.data().accountId; // the standard customer's id is 1, as its account's
    m_linkageA = detail.json.value(u"linkages"_s)[0][u"id"_s].toInteger();
    QVERIFY(m_linkageA > 0);
    // Each console shows customer A, so the customer view's actions are on screen.
    for (auto &[role, s] : m_seats) {
        s->desk->openCustomer(m_customerA);
        QTRY_VERIFY(s->window.customerView()->hasCustomer());
    }
}

void TestRoles::cleanupTestCase()
{
    m_seats.clear();
}

void TestRoles::consoleAndServerAgree_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<StaffAction>("action");
    for (const QString &role : {u"teller"_s, u"support"_s, u"supervisor"_s}) {
        for (const StaffAction action : tc::permissions::allStaffActions()) {
            QTest::addRow("%s/%s", qPrintable(role), qPrintable(actionName(action)))
                << role << action;
        }
    }
}

Offer TestRoles::consoleOffer(Seat &s, StaffAction action)
{
    tc::MainWindow &window = s.window;
    switch (action) {
    case StaffAction::ViewCustomers:
        return {window.search()->isEnabled(), u"customer search"_s};
    case StaffAction::ViewAnyBranch:
        return {!window.branchActivity()->branchCombo()->isHidden(),
                u"branch choice in branch activity"_s,
                window.branchActivity()->findChild<QLabel *>(u"scopeLabel"_s)->toolTip()};
    case StaffAction::SeeFullPersonalData:
        return {window.customerView()->headerText().contains(StandardData::phone),
                u"customer header's phone"_s};
    default:
        break;
    }
    if (const std::optional<QKeySequence> shortcut = tabShortcut(action)) {
        // A tab of the session: present (and enabled) for the roles that may; absent for all
        // while no view of the action exists in this build.
        bool anywhere = false;
        std::optional<bool> here;
        for (auto &[role, other] : m_seats) {
            for (QAction *menuAction : other->window.menuActions()) {
                if (menuAction->shortcut() != *shortcut)
                    continue;
                anywhere = true;
                if (other.get() == &s)
                    here = menuAction->isEnabled();
            }
        }
        if (!anywhere)
            return {std::nullopt, u"no tab yet (%1)"_s.arg(shortcut->toString())};
        return {here.value_or(false), u"tab %1"_s.arg(shortcut->toString())};
    }
    if (const std::optional<QString> label = customerControlLabel(action)) {
        // A control of the customer view: offered unless absent or disabled with the role's
        // reason as its tooltip (disabled for another reason, such as nothing selected, is still
        // offered to the role).
        const QString refusal = tc::RoleGate::refusalText(action);
        std::optional<bool> offered;
        const auto consider = [&](const QString &text, bool enabled, const QString &toolTip,
                                  bool hidden) {
            if (!plain(text).startsWith(*label))
                return;
            const bool thisOne = !hidden && (enabled || toolTip != refusal);
            offered = offered.value_or(false) || thisOne;
        };
        for (QAbstractButton *button : window.customerView()->findChildren<QAbstractButton *>())
            consider(button->text(), button->isEnabled(), button->toolTip(), button->isHidden());
        for (QAction *item : window.customerView()->findChildren<QAction *>())
            consider(item->text(), item->isEnabled(), item->toolTip(), !item->isVisible());
        if (!offered) {
            // No such control for anyone yet: the gate is all the console has.
            return {std::nullopt, u"no \"%1…\" on the customer view yet"_s.arg(*label)};
        }
        return {offered, u"customer view \"%1…\""_s.arg(*label)};
    }
    return {std::nullopt, u"no console view (gate only)"_s};
}

QJsonObject TestRoles::changeBody(Seat &s)
{
    QJsonObject body {{u"reason"_s, u"roles table"_s}};
    switch (tc::permissions::identityProofFor(s.staff.role)) {
    case tc::permissions::IdentityProof::None:
        break;
    case tc::permissions::IdentityProof::DocumentOrCallerCheck:
        body.insert(u"reason_kind"_s, u"counter_document"_s);
        body.insert(u"identity_document"_s, u"drivers_license"_s);
        break;
    case tc::permissions::IdentityProof::CallerCheck: {
        // A passed check of the customer, when this build has the call.
        const TestBackend::Reply check = m_backend->request(
            "POST", u"/api/v1/staff/customers/%1/caller-check"_s.arg(m_customerA),
            QJsonDocument(QJsonObject {{u"name_kana"_s, nameKana},
                                       {u"birth_date"_s, u"1980-04-01"_s},
                                       {u"phone"_s, StandardData::phone}})
                .toJson(QJsonDocument::Compact),
            {TestBackend::bearer(s.staff.accessToken), {"Content-Type", "application/json"}});
        body.insert(u"reason_kind"_s, u"phone_caller_check"_s);
        if (check.status == 200)
            body.insert(u"caller_check_id"_s, check.json.value(u"check_id"_s).toString());
        break;
    }
    }
    return body;
}

TestBackend::Reply TestRoles::serverAnswer(Seat &s, StaffAction action)
{
    TestBackend &b = *m_backend;
    const auto call = [&](const QByteArray &method, const QString &path,
                          const QJsonObject &body = {}) {
        QList<std::pair<QByteArray, QByteArray>> headers {TestBackend::bearer(s.staff.accessToken)};
        QByteArray bytes;
        if (!body.isEmpty()) {
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
            bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return b.request(method, path, bytes, headers);
    };
    const auto change = [&](const QByteArray &method, const QString &path) {
        return call(method, path, changeBody(s));
    };
    const QString staff = u"/api/v1/staff"_s;
    switch (action) {
    case StaffAction::ViewCustomers:
    case StaffAction::SeeFullPersonalData:
        return call("GET", staff + u"/customers/%1"_s.arg(m_customerA));
    case StaffAction::ViewAnyBranch:
        return call("GET", staff + u"/customers/%1"_s.arg(m_customerB));
    case StaffAction::ReleaseLock:
        // Customer A's PIN lock is not engaged: nothing happens, whoever may.
        return change("DELETE", staff + u"/accounts/%1/locks/pin"_s.arg(b.data().accountId));
    case StaffAction::RevokeLinkage:
        return change("DELETE", staff + u"/linkages/999999"_s);
    case StaffAction::CallerCheck:
        return call("POST", staff + u"/customers/%1/caller-check"_s.arg(m_customerA),
                    {{u"name_kana"_s, nameKana}});
    case StaffAction::DecideReleaseRequest:
        return call("POST", staff + u"/release-requests/999999/approve"_s);
    case StaffAction::SuspendApp:
        // Resuming an app that runs changes nothing, whoever may.
        return call("DELETE", staff + u"/apps/%1/suspension"_s.arg(StandardData::clientId),
                    {{u"reason"_s, u"roles table"_s}});
    case StaffAction::ReadAudit:
        return call("GET", staff + u"/audit"_s);
    case StaffAction::DailyReport:
        return call("GET",
                    staff + u"/reports/daily?date="_s
                        + tc::tokyoDate(b.clock().now()).toString(Qt::ISODate));
    }
    return {};
}

void TestRoles::consoleAndServerAgree()
{
    QFETCH(QString, role);
    QFETCH(StaffAction, action);
    Seat &s = seat(role);
    const bool rule = tc::permissions::roleMay(role, action);
    const tc::RoleGate gate(role);
    QCOMPARE(gate.offers(action), rule);
    QCOMPARE(gate.whyNot(action).isEmpty(), rule);

    // (a) the console
    const Offer offer = consoleOffer(s, action);
    const bool consoleOffers = offer.offered.value_or(gate.offers(action));
    if (offer.offered && !*offer.offered && offer.why)
        QCOMPARE(*offer.why, gate.whyNot(action)); // said, not discovered
    if (!offer.offered)
        qInfo("console: %s, the gate says %s", qPrintable(offer.control),
              consoleOffers ? "offered" : "not offered");

    // (b) the server: the role's refusal is 403 S04; seeing another branch's customer is
    // refused as 404 S06 (a customer out of scope is one that does not exist); personal data is
    // allowed in full or sent masked.
    const TestBackend::Reply answer = serverAnswer(s, action);
    const QString code = answer.json.value(u"code"_s).toString();
    bool serverAllows = false;
    if (action == StaffAction::SeeFullPersonalData) {
        QCOMPARE(answer.status, 200);
        serverAllows = !answer.json.value(u"masked"_s).toBool();
        QCOMPARE(answer.body.contains(StandardData::phone.toLatin1()), serverAllows);
    } else if (action == StaffAction::ViewAnyBranch) {
        serverAllows = answer.status == 200;
        if (!serverAllows) {
            QCOMPARE(answer.status, 404);
            QCOMPARE(code, QString(tc::codes::StaffNotFound));
        }
    } else {
        QVERIFY2(answer.status != 0 && answer.status < 500, answer.body.constData());
        // The input was taken: what follows is the role's decision, not a malformed call.
        QVERIFY2(code != tc::codes::MalformedRequest, answer.body.constData());
        serverAllows = !(answer.status == 403 && code == tc::codes::StaffForbidden);
        if (action == StaffAction::CallerCheck && answer.status == 404
            && code != tc::codes::StaffNotFound) {
            qInfo("server: no caller-check call in this build (%d %s); the rule alone speaks",
                  answer.status, qPrintable(code));
            serverAllows = rule;
        }
    }
    qInfo("%s %s: console %s (%s), server %d %s", qPrintable(role), qPrintable(actionName(action)),
          consoleOffers ? "offers" : "does not offer", qPrintable(offer.control), answer.status,
          qPrintable(code));
    QCOMPARE(serverAllows, rule);
    QCOMPARE(consoleOffers, serverAllows);
}

QTEST_MAIN(TestRoles)
#include "tst_roles.moc"
