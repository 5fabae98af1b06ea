#pragma once

#include "BackendService.h"
#include "Clock.h"
#include "TestCertificates.h"
#include "TestDatabases.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tc::test {

// What the end-to-end tests share: a real BackendService over TLS with the standard customer
// seeded, and Node.js scripts (tests/e2e/<package>/) run against it with what they need in the
// environment.
class E2eHarness final
{
    Q_DISABLE_COPY_MOVE(E2eHarness)

public:
    E2eHarness() = default;

    // Certificates, key files, node; copies the Node package `sourceDir` into `workDir` (the
    // build tree) and runs `npm ci` there unless its package-lock.json is unchanged since the
    // last run. An error text, empty on success.
    QString prepare(const QString &sourceDir, const QString &workDir);

    // Starts the backend on a fresh database of `engine` at a standing clock (a quiet Tuesday
    // afternoon in Tokyo) and seeds 兵庫ひまわり信用組合, customer データタロウ (ordinary
    // 001-1234567, PIN 4321) and the app "creco". An error text, empty on success.
    QString start(const QString &engine);
    void stop() { m_service.reset(); }

    backend::BackendService &service() { return *m_service; }
    QString issuer() const { return m_issuer; }
    const TestCertificates &certificates() const { return m_certificates; }

    // The environment every script reads (TC_ISSUER, client, customer, secrets, clock).
    QProcessEnvironment environment() const;

    // Runs `node <script>` in the work directory without blocking this thread's event loop (the
    // backend serves from it) and answers the JSON report the script prints last; on failure an
    // object with "ok": false and "failure".
    QJsonObject runNode(const QString &script, const QProcessEnvironment &environment,
                        int timeoutMs = 180'000);

    static inline const QString redirectUri = QStringLiteral("https://app.example/callback");

private:
    TestCertificates m_certificates;
    TestDatabases m_databases;
    QTemporaryDir m_keys;
    QString m_node;
    QString m_workDir;
    std::shared_ptr<backend::ManualClock> m_clock;
    std::unique_ptr<backend::BackendService> m_service;
    QString m_issuer;
};

} // namespace tc::test
