#pragma once

#include "BackendService.h"
#include "Clock.h"
#include "Result.h"
#include "StaffPrincipal.h"
#include "TestCertificates.h"
#include "TestDatabases.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace tc::test {

// The data every backend test starts from: 兵庫ひまわり信用組合 with its head office, customer
// データタロウ (ordinary 001-1234567, PIN 4321, registered phone 0786310000) and a customer whose
// savings account 001-7654321 has no cash card, and the app "creco" (secret "secret").
struct StandardData
{
    static inline const QString institution = QStringLiteral("hyogo-himawari");
    static inline const QString clientId = QStringLiteral("creco");
    static inline const QString clientSecret = QStringLiteral("secret");
    static inline const QString redirectUri = QStringLiteral("https://app.example/callback");
    static inline const QString phone = QStringLiteral("0786310000");
    static inline const QString pin = QStringLiteral("4321");
    qint64 branchId = 0;
    qint64 accountId = 0;
    qint64 noCardAccountId = 0;
};

// Seeds StandardData; aborts the test program if the database refuses. `clientSecret` replaces
// the app's secret (the e2e tests use one with characters HTTP Basic must encode).
StandardData seedStandardData(backend::Database &database, const backend::FlowService &flows,
                              const QString &clientSecret = StandardData::clientSecret);

// A staff user for tests (no TOTP), written straight into the database with an Argon2id hash
// of `password`; aborts the test program if the database refuses. `branchCode` is required for
// tellers and may be empty for others. Answers the user's id.
qint64 addStaff(backend::Database &database, const QString &institutionId, const QString &username,
                backend::staff::StaffRole role, const QString &branchCode, const QString &password);

// A Tuesday afternoon in Tokyo, far from every maintenance window.
QDateTime quietTokyoAfternoon();
QDateTime tokyoTime(int year, int month, int day, int hour, int minute, int second = 0,
                    int millisecond = 0);

// A real auth-backend (the same BackendService main() starts) on 127.0.0.1 with a throwaway
// certificate, a fresh database of the engine, its key files, and a clock the test moves. The
// client side pins the test CA.
class TestBackend final
{
    Q_DISABLE_COPY_MOVE(TestBackend)

public:
    struct Reply
    {
        int status = 0; // 0: no HTTP answer (connection refused, TLS failure, …)
        QByteArray body;
        QJsonObject json;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };

    TestBackend();
    ~TestBackend();

    // A backend of the engine, started with the default settings; aborts the test program when
    // it cannot start.
    static std::unique_ptr<TestBackend> started(const QString &engine);

    // `adjust` may change the settings before the service starts (limits, timeouts).
    Status start(const QString &engine,
                 const std::function<void(backend::BackendSettings &)> &adjust = {});

    backend::BackendService &service() { return *m_service; }
    backend::ManualClock &clock() { return *m_clock; }
    const StandardData &data() const { return m_data; }
    QString baseUrl() const;

    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    Reply postJson(const QString &path, const QJsonObject &object);

    // Staff (see tests/backend/tst_staffsession.cpp). The password every staff user made by
    // these helpers has:
    static inline const QString staffPassword = QStringLiteral("correct horse battery");
    // POST /api/v1/staff/session; answers the access token, aborts the test if refused.
    QString signInStaff(const QString &username, const QString &password = staffPassword,
                        const QString &totp = {});
    // A new staff user (addStaff) of StandardData's institution unless given, of branch 001
    // unless given, signed in: answers the access token.
    QString staffToken(const QString &username, backend::staff::StaffRole role,
                       const QString &branchCode = QStringLiteral("001"),
                       const QString &institutionId = StandardData::institution);
    // The Authorization header of a staff call, for request()'s `headers`.
    static std::pair<QByteArray, QByteArray> bearer(const QString &accessToken);
    // How many rows of the audit log `username` wrote with `action`; with `result`, only those
    // that answered it ("ok" or a code); with `target`, only those about it ("" too).
    qint64 auditRows(const QString &username, const QString &action, const QString &result = {},
                     const std::optional<QString> &target = std::nullopt);

    // The throwaway CA and server certificate (clients of other kinds pin the CA with it).
    const TestCertificates &certificates() const { return m_certificates; }

private:
    TestCertificates m_certificates;
    TestDatabases m_databases;
    QTemporaryDir m_keys;
    std::shared_ptr<backend::ManualClock> m_clock;
    std::unique_ptr<backend::BackendService> m_service;
    std::unique_ptr<QNetworkAccessManager> m_network;
    StandardData m_data;
};

} // namespace tc::test
