#pragma once

// What the console's UI tests share: the staff users they sign in as, a BackendClient pinned to
// the test backend's CA and signed in over the staff API, and one console session (client, live
// events, main window, desk) against the real backend.
#include "BackendClient.h"
#include "Desk.h"
#include "ErrorCatalog.h"
#include "EventStream.h"
#include "MainWindow.h"
#include "ServiceCalendar.h"
#include "StaffPrincipal.h"
#include "TestBackend.h"

#include <QJsonObject>

#include <memory>

namespace tc::test {

// A staff user of StandardData's institution with TestBackend::staffPassword; tellers belong to
// branch 001, the standard customer's. The display name is the username unless given.
bool addStaffUser(TestBackend &backend, const QString &username, backend::staff::StaffRole role,
                  const QString &displayName = {});
// "teller", "support" and "supervisor", one of each role; fails the test (QVERIFY) if refused.
void addTellerSupportSupervisor(TestBackend &backend);

// The backend's simulated clock, as the console's widgets take it.
Clock clockOf(TestBackend &backend);
// A client of the backend that trusts only its throwaway CA.
client::ConnectionSettings pinnedSettings(const TestBackend &backend);
std::unique_ptr<client::BackendClient> pinnedClient(const TestBackend &backend);

// POST /api/v1/staff/session as `username` and give the client its access token; ends the test
// program if refused.
protocol::StaffSession signIn(TestBackend &backend, client::BackendClient &client,
                              const QString &username);

// ① of the standard customer's account (branch 001, ordinary 1234567), as the customer types it.
extern const QJsonObject rightAccount;
// The standard customer typing a wrong birth date until the identity lock (B21 ×4, B83).
void lockStandardCustomer(TestBackend &backend);
// The same, then trying again: B84 at ①, what a teller is called about.
void lockStandardCustomerAndRetry(TestBackend &backend);

// The "language" column with rows en and ja.
void addLanguageRows();

// One signed-in console: its client, live events (started unless Live::Off), window and desk.
struct DeskSession
{
    enum class Live { On, Off };

    DeskSession(TestBackend &backend, const QString &username, Live live = Live::On);
    // With the client's settings of the test (a relay's port, a shorter timeout).
    DeskSession(TestBackend &backend, const QString &username, Live live,
                const client::ConnectionSettings &settings);
    ~DeskSession();

    // Shows the window and makes it the active one, as a person at the desk has it; false if it
    // never became active.
    [[nodiscard]] bool activate();

    client::BackendClient client;
    client::EventStream events;
    Clock clock;
    ServiceCalendar calendar;
    MainWindow window;
    protocol::StaffSession staff;
    std::unique_ptr<Desk> desk;

private:
    Live m_live;
};

} // namespace tc::test
