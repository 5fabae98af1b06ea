#pragma once

#include "BackendClient.h"
#include "StaffPrincipal.h"
#include "TestBackend.h"
#include "TestFlow.h"

#include <QList>
#include <QObject>
#include <QTcpServer>

#include <memory>

// What the console's model tests share: a real backend over HTTPS with the console's
// BackendClient signed in to it, the customer's steps that make attempts and locks, and a relay
// that can cut the connection between the two.
namespace tc::test {

inline constexpr int WaitMs = 20000;

struct Console
{
    std::unique_ptr<TestBackend> backend;
    std::unique_ptr<client::BackendClient> client;
    QString token;

    // A backend (SQLite) and a client signed in as a new staff user of the role; tellers belong
    // to branch 001, the standard customer's.
    static std::unique_ptr<Console>
    started(backend::staff::StaffRole role = backend::staff::StaffRole::Teller);

    // The client's settings for the backend, or for a relay in front of it.
    client::ConnectionSettings settings(quint16 port = 0) const;
    // StandardData's customer データタロウ (account 001 ordinary 1234567).
    qint64 customerId();
};

using flow::accountStep;
using flow::wrongIdentity;
// A flow of ① and `failures` wrong ②; answers its id (not the path). The clock moves one second
// first, so flows are apart in time.
QString failedFlow(TestBackend &b, int failures = 1);
// The flow id of a flow path.
QString flowIdOf(const QString &flowPath);

// A TCP relay on 127.0.0.1 between the client and the backend: TLS passes through untouched;
// dropAll() cuts every connection at once, as a network or a restarting proxy would.
class TcpRelay final : public QObject
{
    Q_OBJECT

public:
    explicit TcpRelay(quint16 targetPort);
    quint16 port() const { return m_server.serverPort(); }
    void dropAll();
    // Every connection open now stops carrying bytes either way but stays open, as behind a
    // router that lost its state: only a timeout notices. New connections work.
    void blackHoleAll();
    int connectionsSeen() const { return m_seen; }

private:
    QTcpServer m_server;
    quint16 m_target;
    QList<QObject *> m_pairs; // each owns its two sockets
    int m_seen = 0;
};

} // namespace tc::test
