// bench_flows: load driver for auth-backend (see bench/RESULTS.md).
//
//   bench_flows serve --engine sqlite --sqlite FILE | --engine postgresql --pg-host H
//                     --pg-port P --pg-user U --pg-db D   [--customers N] [--max-in-flight M]
//                     --state STATEFILE
//   bench_flows drive --state STATEFILE --mode flows|pin|health [--connections C]
//                     [--seconds T] [--warmup S] [--park P] [--one-address] [--label TEXT]
//
// `serve` starts the real BackendService with a throwaway certificate and seeds customers;
// `drive` runs in a second process and measures over kept-alive HTTPS connections.
#include "BenchHttp.h"
#include "BenchServer.h"
#include "Crypto.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace tc::bench {

namespace {

struct ServerState
{
    quint16 port = 0;
    QString caPath;
    QByteArray hookKey;
    qint64 clockOffsetMs = 0;
    int customers = 0;
    qint64 pid = 0;
};

ServerState readState(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    ServerState state;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq);
        const QByteArray value = line.mid(eq + 1);
        if (key == "port")
            state.port = quint16(value.toUInt());
        else if (key == "ca")
            state.caPath = QString::fromUtf8(value);
        else if (key == "hook_key")
            state.hookKey = QByteArray::fromHex(value);
        else if (key == "clock_offset_ms")
            state.clockOffsetMs = value.toLongLong();
        else if (key == "customers")
            state.customers = value.toInt();
        else if (key == "pid")
            state.pid = value.toLongLong();
    }
    return state;
}

// CPU time in seconds: the whole machine (busy), one process (user + system).
struct CpuSample
{
    double machineBusy = 0;
    double machineTotal = 0;
    double server = 0;
    double self = 0;
};

double processCpu(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = file.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
}

CpuSample sampleCpu(qint64 serverPid)
{
    CpuSample sample;
    QFile file(u"/proc/stat"_s);
    if (file.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = file.readLine().simplified().split(' ');
        const double ticks = double(sysconf(_SC_CLK_TCK));
        for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
            const double value = fields.at(i).toDouble() / ticks;
            sample.machineTotal += value;
            if (i != 4 && i != 5) // idle, iowait
                sample.machineBusy += value;
        }
    }
    sample.server = processCpu(serverPid);
    sample.self = processCpu(QCoreApplication::applicationPid());
    return sample;
}

struct Histogram
{
    std::vector<qint64> micros;
    qint64 percentile(double p)
    {
        if (micros.empty())
            return 0;
        std::sort(micros.begin(), micros.end());
        const auto rank =
            std::min(micros.size() - 1, size_t(std::ceil(p / 100.0 * double(micros.size()))) - 1);
        return micros.at(std::max<size_t>(rank, 0));
    }
};

struct DriveOptions
{
    QString mode;
    QString label;
    int connections = 16;
    double seconds = 10;
    double warmup = 2;
    int park = 2000;
    bool oneAddress = false;
};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// RFC 7636 appendix B.
const QString codeVerifier = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
const QString codeChallenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;

class Driver final : public QObject
{
    Q_OBJECT

public:
    Driver(ServerState state, DriveOptions options)
        : m_state(std::move(state)), m_options(std::move(options))
    {
        QFile ca(m_state.caPath);
        if (!ca.open(QIODevice::ReadOnly))
            qFatal("cannot read the CA %s", qPrintable(m_state.caPath));
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setCaCertificates(QSslCertificate::fromData(ca.readAll()));
        m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        m_basic = "Basic "
            + QByteArray(Seed::clientId.toUtf8() + ':' + Seed::clientSecret.toUtf8()).toBase64();
    }

    void start()
    {
        for (int k = 0; k < m_options.connections; ++k) {
            // Each connection is one customer's device: its own loopback source address, so the
            // per-address rate counter is not one hot row (unless --one-address).
            const QHostAddress source = m_options.oneAddress
                ? QHostAddress()
                : QHostAddress(u"127.1.%1.%2"_s.arg(k / 250).arg(k % 250 + 1));
            auto client = std::make_unique<Client>();
            client->index = k;
            client->customerCursor = k;
            client->conn = new HttpClientConnection(m_state.port, m_tls, source, this);
            Client *c = client.get();
            m_clients.push_back(std::move(client));
            c->conn->open([this](bool ok) {
                if (!ok)
                    qFatal("cannot connect to the bench server");
                if (++m_connected == m_options.connections)
                    allConnected();
            });
        }
    }

private:
    struct Client
    {
        HttpClientConnection *conn = nullptr;
        int index = 0;
        int customerCursor = 0;
        int customer = 0;
        QByteArray flowPath;
        QString destination;
        QList<QByteArray> parked;
        qsizetype parkedNext = 0;
        bool stopped = false;
    };

    void allConnected()
    {
        if (m_options.mode == u"pin"_s) {
            m_parkPerClient = std::max(1, m_options.park / m_options.connections);
            m_parking = true;
            std::fprintf(stderr, "parking %d flows at the PIN step…\n",
                         m_parkPerClient * m_options.connections);
            for (auto &c : m_clients)
                startFlow(*c);
            return;
        }
        beginMeasuring();
        for (auto &c : m_clients) {
            if (m_options.mode == u"health"_s)
                health(*c);
            else
                startFlow(*c);
        }
    }

    void beginMeasuring()
    {
        QTimer::singleShot(int(m_options.warmup * 1000), Qt::PreciseTimer, this, [this] {
            m_recording = true;
            m_cpuStart = sampleCpu(m_state.pid);
            m_window.start();
            QTimer::singleShot(int(m_options.seconds * 1000), Qt::PreciseTimer, this,
                               [this] { finish(); });
        });
    }

    void record(const QString &step, const HttpClientConnection::Response &r)
    {
        if (m_recording)
            m_steps[step].micros.push_back(r.micros);
    }

    // One request of a step: on the expected status `next` runs; on 503 (shedding) the same
    // request is sent again at once, as an impatient client would; anything else counts as an
    // error and the client starts a new flow.
    void call(Client &c, const QString &step, const QByteArray &method, const QByteArray &path,
              const QByteArray &body, const QByteArray &contentType,
              const HttpClientConnection::Headers &headers, int expected,
              std::function<void(const QByteArray &)> next, std::function<void()> onError = nullptr)
    {
        if (m_done)
            return;
        c.conn->send(method, path, body, contentType, headers,
                     [this, &c, step, method, path, body, contentType, headers, expected, next,
                      onError](const HttpClientConnection::Response &r) {
                         if (m_done)
                             return;
                         if (m_recording)
                             ++m_requests;
                         if (r.status == 503) {
                             record(u"503 (shed)"_s, r);
                             call(c, step, method, path, body, contentType, headers, expected, next,
                                  onError);
                             return;
                         }
                         if (r.status != expected) {
                             const QString key = step + u' ' + QString::number(r.status);
                             if (++m_errors[key] <= 3)
                                 std::fprintf(stderr, "%s: %d %s\n", qPrintable(step), r.status,
                                              r.body.left(200).constData());
                             if (onError)
                                 onError();
                             else
                                 startFlow(c);
                             return;
                         }
                         record(step, r);
                         next(r.body);
                     });
    }

    void post(Client &c, const QString &step, const QByteArray &path, const QJsonObject &body,
              int expected, std::function<void(const QByteArray &)> next,
              std::function<void()> onError = nullptr)
    {
        call(c, step, "POST", path, json(body), "application/json", {}, expected, std::move(next),
             std::move(onError));
    }

    void health(Client &c)
    {
        call(c, u"health"_s, "GET", "/api/v1/health", {}, {}, {}, 200,
             [this, &c](const QByteArray &) { health(c); });
    }

    void startFlow(Client &c)
    {
        if (m_done)
            return;
        c.customer = c.customerCursor % m_state.customers;
        c.customerCursor += m_options.connections;
        post(c, u"1 create"_s, "/api/v1/flows",
             {{u"institution"_s, Seed::institution},
              {u"client_id"_s, Seed::clientId},
              {u"redirect_uri"_s, Seed::redirectUri},
              {u"state"_s, u"bench"_s},
              {u"code_challenge"_s, codeChallenge},
              {u"code_challenge_method"_s, u"S256"_s},
              {u"scope"_s, u"accounts"_s}},
             201, [this, &c](const QByteArray &answer) {
                 const QString id =
                     QJsonDocument::fromJson(answer).object().value(u"flow_id"_s).toString();
                 c.flowPath = "/api/v1/flows/" + id.toLatin1();
                 account(c);
             });
    }

    void account(Client &c)
    {
        post(c, u"2 account"_s, c.flowPath + "/account",
             {{u"branch_code"_s, Seed::branchCode},
              {u"account_type"_s, u"ordinary"_s},
              {u"account_number"_s, Seed::account(c.customer)}},
             200, [this, &c](const QByteArray &) { customer(c); });
    }

    void customer(Client &c)
    {
        post(c, u"3 customer"_s, c.flowPath + "/customer",
             {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
              {u"birth_date"_s, u"1980-04-01"_s},
              {u"phone"_s, Seed::phone(c.customer)},
              {u"email"_s, u"taro@example.jp"_s},
              {u"email_confirm"_s, u"taro@example.jp"_s}},
             200, [this, &c](const QByteArray &answer) {
                 c.destination = QJsonDocument::fromJson(answer)
                                     .object()
                                     .value(u"destination_number"_s)
                                     .toString();
                 webhook(c);
             });
    }

    void webhook(Client &c)
    {
        const qint64 serverNowMs = QDateTime::currentMSecsSinceEpoch() + m_state.clockOffsetMs;
        const QByteArray body = json(
            {{u"caller"_s, Seed::phone(c.customer)},
             {u"dialed"_s, c.destination},
             {u"at"_s,
              QDateTime::fromMSecsSinceEpoch(serverNowMs, Qt::UTC).toString(Qt::ISODateWithMs)}});
        const QByteArray timestamp = QByteArray::number(serverNowMs / 1000);
        const QByteArray signature = "sha256="
            + backend::crypto::hmacSha256(m_state.hookKey, timestamp + '.' + body).toHex();
        call(c, u"4 webhook"_s, "POST", "/api/v1/telephony/calls", body, "application/json",
             {{"X-Telephony-Timestamp", timestamp}, {"X-Telephony-Signature", signature}}, 202,
             [this, &c](const QByteArray &) { phone(c); });
    }

    void phone(Client &c)
    {
        post(c, u"5 phone"_s, c.flowPath + "/phone", {}, 200, [this, &c](const QByteArray &) {
            if (m_parking) {
                c.parked << c.flowPath;
                if (c.parked.size() < m_parkPerClient) {
                    startFlow(c);
                } else if (++m_parkedClients == m_options.connections) {
                    m_parking = false;
                    std::fprintf(stderr, "parked; submitting PINs\n");
                    beginMeasuring();
                    for (auto &client : m_clients)
                        pinCheck(*client, false);
                }
                return;
            }
            pin(c);
        });
    }

    void pin(Client &c)
    {
        post(c, u"6 pin"_s, c.flowPath + "/pin", {{u"pin"_s, Seed::pin}}, 200,
             [this, &c](const QByteArray &) { consent(c); });
    }

    void consent(Client &c)
    {
        post(c, u"7 consent"_s, c.flowPath + "/consent",
             {{u"agree_terms"_s, true}, {u"decision"_s, u"allow"_s}}, 200,
             [this, &c](const QByteArray &answer) {
                 const QUrl redirect(
                     QJsonDocument::fromJson(answer).object().value(u"redirect_uri"_s).toString());
                 token(c, QUrlQuery(redirect).queryItemValue(u"code"_s));
             });
    }

    void token(Client &c, const QString &code)
    {
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
        form.addQueryItem(u"code"_s, code);
        form.addQueryItem(u"redirect_uri"_s,
                          QString::fromLatin1(QUrl::toPercentEncoding(Seed::redirectUri)));
        form.addQueryItem(u"code_verifier"_s, codeVerifier);
        call(c, u"8 token"_s, "POST", "/oauth/token", form.toString(QUrl::FullyEncoded).toUtf8(),
             "application/x-www-form-urlencoded", {{"Authorization", m_basic}}, 200,
             [this, &c](const QByteArray &) {
                 if (m_recording)
                     ++m_flows;
                 startFlow(c);
             });
    }

    // The PIN measurement: on each parked flow one wrong PIN (a failure counted toward the PIN
    // lock) then the right one (the flow moves to consent); both write an attempt row.
    void pinCheck(Client &c, bool right)
    {
        if (m_done)
            return;
        if (c.parkedNext >= c.parked.size()) {
            std::fprintf(stderr, "client %d ran out of parked flows\n", c.index);
            finish();
            return;
        }
        const QByteArray path = c.parked.at(c.parkedNext) + "/pin";
        const auto next = [this, &c, right] {
            if (m_recording)
                ++m_pinChecks;
            if (right)
                ++c.parkedNext;
            pinCheck(c, !right);
        };
        if (right) {
            post(
                c, u"pin right"_s, path, {{u"pin"_s, Seed::pin}}, 200,
                [next](const QByteArray &) { next(); }, next);
        } else {
            // 403 D01 (wrong PIN): the failure counted and its attempt row written.
            post(
                c, u"pin wrong"_s, path, {{u"pin"_s, Seed::wrongPin}}, 403,
                [next](const QByteArray &) { next(); }, next);
        }
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        const double elapsed =
            std::max(1e-3, m_recording ? double(m_window.nsecsElapsed()) / 1e9 : 0);
        const CpuSample end = sampleCpu(m_state.pid);
        const double busy = end.machineBusy - m_cpuStart.machineBusy;
        const double total = end.machineTotal - m_cpuStart.machineTotal;
        const double server = end.server - m_cpuStart.server;
        const double self = end.self - m_cpuStart.self;
        const QByteArray label = m_options.label.toUtf8();

        std::printf("\n### %s (mode %s, %d connections, %.1f s measured)\n\n", label.constData(),
                    qPrintable(m_options.mode), m_options.connections, elapsed);
        std::printf("| step | count | per s | p50 ms | p99 ms | max ms |\n");
        std::printf("|---|---:|---:|---:|---:|---:|\n");
        for (auto it = m_steps.begin(); it != m_steps.end(); ++it) {
            Histogram &h = it.value();
            std::printf("| %s | %zu | %.0f | %.2f | %.2f | %.2f |\n", qPrintable(it.key()),
                        h.micros.size(), double(h.micros.size()) / elapsed,
                        double(h.percentile(50)) / 1000, double(h.percentile(99)) / 1000,
                        double(h.percentile(100)) / 1000);
        }
        std::printf("\n");
        std::printf("- requests/s: %.0f\n", double(m_requests) / elapsed);
        if (m_options.mode == u"flows"_s)
            std::printf("- complete flows/s: %.1f\n", double(m_flows) / elapsed);
        if (m_options.mode == u"pin"_s)
            std::printf("- PIN checks/s: %.0f (%.0f per core of 2)\n",
                        double(m_pinChecks) / elapsed, double(m_pinChecks) / elapsed / 2);
        std::printf("- CPU: machine %.0f%% of %.0f cores busy; auth-backend %.2f cores, "
                    "driver %.2f cores, rest (database server, other) %.2f cores\n",
                    total > 0 ? 100 * busy / total : 0, total / elapsed, server / elapsed,
                    self / elapsed, (busy - server - self) / elapsed);
        for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
            std::printf("- errors %s: %d\n", qPrintable(it.key()), it.value());
        // One machine-readable line for run.sh's summary table.
        std::printf("SUMMARY\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.0f\t%.2f\t%.2f\n", label.constData(),
                    qPrintable(m_options.mode), double(m_flows) / elapsed,
                    double(m_pinChecks) / elapsed, double(m_requests) / elapsed,
                    100 * busy / std::max(total, 1e-9), server / elapsed, self / elapsed);
        std::fflush(stdout);
        QCoreApplication::quit();
    }

    ServerState m_state;
    DriveOptions m_options;
    QSslConfiguration m_tls;
    QByteArray m_basic;
    std::vector<std::unique_ptr<Client>> m_clients;
    int m_connected = 0;
    bool m_recording = false;
    bool m_done = false;
    bool m_parking = false;
    int m_parkPerClient = 0;
    int m_parkedClients = 0;
    QElapsedTimer m_window;
    CpuSample m_cpuStart;
    QMap<QString, Histogram> m_steps;
    QMap<QString, int> m_errors;
    qint64 m_requests = 0;
    qint64 m_flows = 0;
    qint64 m_pinChecks = 0;
};

} // namespace
} // namespace tc::bench

int main(int argc, char *argv[])
{
    using namespace tc;
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"command"_s, u"serve or drive"_s);
    const QCommandLineOption engine(u"engine"_s, u"sqlite or postgresql"_s, u"engine"_s,
                                    u"sqlite"_s);
    const QCommandLineOption sqlite(u"sqlite"_s, u"SQLite file"_s, u"file"_s);
    const QCommandLineOption pgHost(u"pg-host"_s, u"PostgreSQL host"_s, u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption pgPort(u"pg-port"_s, u"PostgreSQL port"_s, u"port"_s, u"5432"_s);
    const QCommandLineOption pgUser(u"pg-user"_s, u"PostgreSQL user"_s, u"user"_s, u"postgres"_s);
    const QCommandLineOption pgDb(u"pg-db"_s, u"PostgreSQL database"_s, u"name"_s);
    const QCommandLineOption customers(u"customers"_s, u"customers to seed"_s, u"n"_s, u"1000"_s);
    const QCommandLineOption inFlight(u"max-in-flight"_s, u"server/max_requests_in_flight"_s,
                                      u"n"_s, u"256"_s);
    const QCommandLineOption stateFile(u"state"_s, u"state file the server writes"_s, u"file"_s);
    const QCommandLineOption mode(u"mode"_s, u"flows, pin or health"_s, u"mode"_s, u"flows"_s);
    const QCommandLineOption connections(u"connections"_s, u"concurrent connections"_s, u"n"_s,
                                         u"16"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"measured seconds"_s, u"s"_s, u"10"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"seconds before measuring"_s, u"s"_s, u"2"_s);
    const QCommandLineOption park(u"park"_s, u"flows parked at the PIN step (pin mode)"_s, u"n"_s,
                                  u"2000"_s);
    const QCommandLineOption oneAddress(u"one-address"_s,
                                        u"all connections from 127.0.0.1 (one rate-counter row)"_s);
    const QCommandLineOption label(u"label"_s, u"name of the run in the output"_s, u"text"_s);
    parser.addOptions({engine, sqlite, pgHost, pgPort, pgUser, pgDb, customers, inFlight, stateFile,
                       mode, connections, seconds, warmup, park, oneAddress, label});
    parser.addHelpOption();
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (!parser.isSet(stateFile))
        qFatal("--state is required");
    if (command == u"serve"_s) {
        bench::ServeOptions options;
        options.stateFile = parser.value(stateFile);
        options.customers = parser.value(customers).toInt();
        options.maxRequestsInFlight = parser.value(inFlight).toInt();
        if (parser.value(engine) == u"postgresql"_s) {
            options.database.driver = backend::DatabaseDriver::PostgreSql;
            options.database.host = parser.value(pgHost);
            options.database.port = quint16(parser.value(pgPort).toUInt());
            options.database.user = parser.value(pgUser);
            options.database.name = parser.value(pgDb);
        } else {
            options.database.driver = backend::DatabaseDriver::Sqlite;
            options.database.sqlitePath = parser.value(sqlite);
        }
        return bench::runServer(options);
    }
    if (command != u"drive"_s)
        qFatal("usage: bench_flows serve|drive … (see --help)");
    bench::DriveOptions options;
    options.mode = parser.value(mode);
    options.label = parser.isSet(label) ? parser.value(label) : options.mode;
    options.connections = parser.value(connections).toInt();
    options.seconds = parser.value(seconds).toDouble();
    options.warmup = parser.value(warmup).toDouble();
    options.park = parser.value(park).toInt();
    options.oneAddress = parser.isSet(oneAddress);
    bench::Driver driver(bench::readState(parser.value(stateFile)), options);
    driver.start();
    return QCoreApplication::exec();
}

#include "bench_flows.moc"
