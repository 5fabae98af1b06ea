#include "ConsoleFixture.h"

#include "Database.h"
#include "TestFlow.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace tc::test {

namespace {
constexpr const char *BlackHole = "tcBlackHole";
} // namespace

std::unique_ptr<Console> Console::started(backend::staff::StaffRole role)
{
    auto console = std::make_unique<Console>();
    console->backend = TestBackend::started(u"sqlite"_s);
    const QString branch = role == backend::staff::StaffRole::Teller ? u"001"_s : QString();
    console->token = console->backend->staffToken(u"staff1"_s, role, branch);
    console->client = std::make_unique<client::BackendClient>(console->settings());
    console->client->setAccessToken(console->token);
    return console;
}

client::ConnectionSettings Console::settings(quint16 port) const
{
    return {.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port ? port : backend->service().port())),
            .pinnedCa = {backend->certificates().caCertificate()}};
}

qint64 Console::customerId()
{
    auto query = backend::runQuery(backend->service().database().connection(),
                                   u"SELECT customer_id FROM accounts WHERE id = ?"_s,
                                   {backend->data().accountId});
    if (!query || !query.value().next())
        qFatal("the standard customer is missing");
    return query.value().value(0).toLongLong();
}

QString failedFlow(TestBackend &b, int failures)
{
    b.clock().advance(1000);
    const QString flow = accountStep(b);
    for (int i = 0; i < failures; ++i) {
        b.clock().advance(100);
        wrongIdentity(b, flow);
    }
    return flowIdOf(flow);
}

QString flowIdOf(const QString &flowPath)
{
    return flowPath.section(u'/', -1);
}

TcpRelay::TcpRelay(quint16 targetPort) : m_target(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *inbound = m_server.nextPendingConnection()) {
            ++m_seen;
            auto *pair = new QObject(this);
            inbound->setParent(pair);
            auto *outbound = new QTcpSocket(pair);
            const auto pipe = [pair](QTcpSocket *from, QTcpSocket *to) {
                connect(from, &QTcpSocket::readyRead, to, [pair, from, to] {
                    if (to->state() != QAbstractSocket::ConnectedState)
                        return; // sent on once it connects
                    const QByteArray bytes = from->readAll();
                    if (!pair->property(BlackHole).toBool())
                        to->write(bytes);
                });
            };
            pipe(inbound, outbound);
            pipe(outbound, inbound);
            connect(outbound, &QTcpSocket::connected, inbound,
                    [inbound, outbound] { outbound->write(inbound->readAll()); });
            const auto close = [this, pair] {
                m_pairs.removeOne(pair);
                pair->deleteLater();
            };
            connect(inbound, &QTcpSocket::disconnected, pair, close);
            connect(outbound, &QTcpSocket::disconnected, pair, close);
            connect(pair, &QObject::destroyed, this, [this, pair] { m_pairs.removeOne(pair); });
            m_pairs.append(pair);
            outbound->connectToHost(u"127.0.0.1"_s, m_target);
        }
    });
    if (!m_server.listen(QHostAddress::LocalHost))
        qFatal("relay: cannot listen");
}

void TcpRelay::blackHoleAll()
{
    for (QObject *pair : std::as_const(m_pairs))
        pair->setProperty(BlackHole, true);
}

void TcpRelay::dropAll()
{
    // Aborting a socket runs its disconnected handler, which edits m_pairs.
    const QList<QObject *> pairs = std::exchange(m_pairs, {});
    for (QObject *pair : pairs) {
        for (QTcpSocket *socket : pair->findChildren<QTcpSocket *>())
            socket->abort();
        pair->deleteLater();
    }
}

} // namespace tc::test
