#include "DeskSession.h"

#include "StaffAccounts.h"
#include "TestFlow.h"

#include <QApplication>
#include <QTest>

using namespace Qt::StringLiterals;

namespace tc::test {

bool addStaffUser(TestBackend &backend, const QString &username, backend::staff::StaffRole role,
                  const QString &displayName)
{
    using backend::staff::StaffRole;
    return bool(backend.service().staffAccounts().addStaff(
        {.institutionId = StandardData::institution,
         .username = username,
         .displayName = displayName.isEmpty() ? username : displayName,
         .role = role,
         .branchCode = role == StaffRole::Teller ? u"001"_s : QString(),
         .password = TestBackend::staffPassword}));
}

void addTellerSupportSupervisor(TestBackend &backend)
{
    using backend::staff::StaffRole;
    for (const auto &[username, role] :
         {std::pair {u"teller"_s, StaffRole::Teller}, std::pair {u"support"_s, StaffRole::Support},
          std::pair {u"supervisor"_s, StaffRole::Supervisor}})
        QVERIFY2(addStaffUser(backend, username, role), qPrintable(username));
}

Clock clockOf(TestBackend &backend)
{
    return [&backend] { return backend.clock().now(); };
}

client::ConnectionSettings pinnedSettings(const TestBackend &backend)
{
    return {.baseUrl = QUrl(backend.baseUrl()),
            .pinnedCa = {backend.certificates().caCertificate()}};
}

std::unique_ptr<client::BackendClient> pinnedClient(const TestBackend &backend)
{
    return std::make_unique<client::BackendClient>(pinnedSettings(backend));
}

protocol::StaffSession signIn(TestBackend &backend, client::BackendClient &client,
                              const QString &username)
{
    const auto answer =
        backend.postJson(u"/api/v1/staff/session"_s,
                         {{u"username"_s, username}, {u"password"_s, TestBackend::staffPassword}});
    auto staff = protocol::StaffSession::fromJson(answer.json);
    if (!staff)
        qFatal("sign-in of %s: %d", qPrintable(username), answer.status);
    client.setAccessToken(staff.value().accessToken);
    return staff.value();
}

const QJsonObject rightAccount {{u"branch_code"_s, u"001"_s},
                                {u"account_type"_s, u"ordinary"_s},
                                {u"account_number"_s, u"1234567"_s}};

void lockStandardCustomer(TestBackend &backend)
{
    const QJsonObject wrongCustomer {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
                                     {u"birth_date"_s, u"1980-04-02"_s},
                                     {u"phone"_s, StandardData::phone},
                                     {u"email"_s, u"taro@example.jp"_s},
                                     {u"email_confirm"_s, u"taro@example.jp"_s}};
    const QString flow = flow::startFlow(backend);
    QCOMPARE(backend.postJson(flow + u"/account"_s, rightAccount).status, 200);
    for (int i = 0; i < 5; ++i)
        backend.postJson(flow + u"/customer"_s, wrongCustomer);
}

void lockStandardCustomerAndRetry(TestBackend &backend)
{
    lockStandardCustomer(backend);
    if (QTest::currentTestFailed())
        return;
    const auto locked = backend.postJson(flow::startFlow(backend) + u"/account"_s, rightAccount);
    QCOMPARE(locked.json.value(u"code"_s).toString(), u"B84"_s);
}

void addLanguageRows()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("ja") << u"ja"_s;
}

DeskSession::DeskSession(TestBackend &backend, const QString &username, Live live)
    : DeskSession(backend, username, live, pinnedSettings(backend))
{ }

DeskSession::DeskSession(TestBackend &backend, const QString &username, Live live,
                         const client::ConnectionSettings &settings)
    : client(settings), events(&client), clock(clockOf(backend)),
      window(ErrorCatalog::builtIn(), calendar, clock), staff(signIn(backend, client, username)),
      m_live(live)
{
    if (live == Live::On)
        events.start();
    desk =
        std::make_unique<Desk>(window, client, live == Live::On ? &events : nullptr, staff, clock);
}

DeskSession::~DeskSession()
{
    if (m_live == Live::On)
        events.stop();
    desk.reset();
}

bool DeskSession::activate()
{
    window.show();
    QApplication::setActiveWindow(&window);
    return QTest::qWaitForWindowActive(&window);
}

} // namespace tc::test
