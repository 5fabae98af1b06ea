// `bench_flows serve`: a real auth-backend (the BackendService main() starts) for the load
// driver, in its own process so that the driver does not run inside the measured server.
#include "BenchServer.h"

#include "AuditKeys.h"
#include "BackendService.h"
#include "Crypto.h"
#include "Directory.h"
#include "FlowService.h"
#include "TestCertificates.h"
#include "TokyoTime.h"
#include "http/HttpServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tc::bench {

namespace {

// "Now" is a quiet Tuesday afternoon in Tokyo (2026-11-24 14:00 JST, far from every maintenance
// window) that moves with real time, so flows, call windows and webhook timestamps behave as in
// production whatever the wall clock says.
class OffsetClock final : public backend::Clock
{
public:
    OffsetClock()
        : m_start(QDateTime(QDate(2026, 11, 24), QTime(14, 0), tokyoTimeZone()).toUTC()),
          m_offsetMs(m_start.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch())
    { }
    QDateTime now() const override
    {
        return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() + m_offsetMs,
                                              Qt::UTC);
    }
    qint64 offsetMs() const { return m_offsetMs; }

private:
    QDateTime m_start;
    qint64 m_offsetMs;
};

int s_stopPipe[2] = {-1, -1};

bool writeKey(const QString &path, const QByteArray &key)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(key) != key.size())
        return false;
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

Status seed(backend::BackendService &service, int customers)
{
    using namespace backend;
    QSqlDatabase db = service.database().connection();
    if (!db.transaction())
        return Error {u"seed"_s, u"begin"_s};
    const auto fail = [&db](const Error &error) -> Status {
        db.rollback();
        return error;
    };
    // Lock thresholds at their maximum (100): the PIN measurement submits wrong PINs on purpose.
    if (Status s = Directory::addInstitution(
            db,
            {.id = Seed::institution,
             .name = u"ベンチ信用組合"_s,
             .identityLockThreshold = 100,
             .pinLockThreshold = 100,
             .authenticationNumbers = {u"0120000001"_s, u"0120000002"_s, u"0120000003"_s}});
        !s)
        return fail(s.error());
    const Result<qint64> branch = Directory::addBranch(
        db, {Seed::institution, Seed::branchCode, u"本店営業部"_s, u"078-000-0000"_s});
    if (!branch)
        return fail(branch.error());
    for (int i = 0; i < customers; ++i) {
        const Result<qint64> customer = Directory::addCustomer(
            db, {Seed::institution, u"データタロウ"_s, QDate(1980, 4, 1), Seed::phone(i)});
        if (!customer)
            return fail(customer.error());
        const Result<qint64> account = Directory::addAccount(db,
                                                             {.customerId = customer.value(),
                                                              .branchId = branch.value(),
                                                              .accountType = u"ordinary"_s,
                                                              .accountNumber = Seed::account(i),
                                                              .balance = 120000});
        if (!account)
            return fail(account.error());
        if (Status s = Directory::setPinDigest(
                db, account.value(), service.flows().pinDigest(account.value(), Seed::pin));
            !s)
            return fail(s.error());
    }
    if (const Result<qint64> app = Directory::addClientApp(
            db,
            {.clientId = Seed::clientId,
             .name = u"しんくみアプリ with CRECO"_s,
             .provider = u"アイ・ティ・リアライズ株式会社"_s,
             .secretHash = backend::crypto::sha256(Seed::clientSecret.toUtf8()),
             .redirectUris = {Seed::redirectUri},
             .institutionIds = {Seed::institution}});
        !app)
        return fail(app.error());
    if (!db.commit())
        return Error {u"seed"_s, u"commit"_s};
    return Success {};
}

} // namespace

QString Seed::phone(int i)
{
    return u"090%1"_s.arg(i, 8, 10, QChar(u'0'));
}

QString Seed::account(int i)
{
    return QString::number(1000000 + i);
}

int runServer(const ServeOptions &options)
{
    test::TestCertificates certificates;
    if (Status made = certificates.create(); !made) {
        qCritical("certificates: %s", qPrintable(made.error().message));
        return 1;
    }
    QTemporaryDir keys;
    const QString pinKey = keys.filePath(u"pin.key"_s);
    const QString hookKey = keys.filePath(u"hook.key"_s);
    if (!writeKey(pinKey, backend::crypto::randomToken(32).toLatin1())
        || !writeKey(hookKey, backend::crypto::randomToken(32).toLatin1())) {
        qCritical("cannot write key files");
        return 1;
    }

    backend::BackendSettings settings;
    settings.server.listenHost = u"127.0.0.1"_s;
    settings.server.listenPort = 0;
    settings.server.certificateFile = certificates.serverCertificatePath();
    settings.server.privateKeyFile = certificates.serverKeyPath();
    settings.server.maxRequestsInFlight = options.maxRequestsInFlight;
    settings.server.maxConnections = 4096;
    settings.pinKeyFile = pinKey;
    settings.telephonySecretFile = hookKey;
    settings.audit.signingKeyFile = keys.filePath(u"audit.key"_s);
    settings.audit.checkpointFile = keys.filePath(u"audit-checkpoints.log"_s);
    if (!backend::audit::writeNewSigningKey(settings.audit.signingKeyFile)) {
        qCritical("cannot write the audit signing key");
        return 1;
    }
    settings.database = options.database;
    // The bench comes from few addresses at rates far above a person's: the limits would answer
    // G-codes instead of measuring the steps.
    settings.callsPerAddressPerMinute = 1'000'000'000;
    settings.flowsPerAppPerMinute = 1'000'000'000;

    const auto clock = std::make_shared<OffsetClock>();
    QElapsedTimer started;
    started.start();
    auto service = backend::BackendService::start(settings, clock);
    if (!service) {
        qCritical("start: %s", qPrintable(service.error().message));
        return 1;
    }
    if (Status seeded = seed(*service.value(), options.customers); !seeded) {
        qCritical("seed: %s", qPrintable(seeded.error().message));
        return 1;
    }
    qInfo("bench server: %d customers seeded in %lld ms", options.customers,
          static_cast<long long>(started.elapsed()));

    QFile state(options.stateFile);
    if (!state.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qCritical("cannot write %s", qPrintable(options.stateFile));
        return 1;
    }
    state.write("port=" + QByteArray::number(service.value()->port()) + '\n');
    state.write("ca=" + certificates.caCertificatePath().toUtf8() + '\n');
    state.write("hook_key=" + service.value()->telephonySecret().toHex() + '\n');
    state.write("clock_offset_ms=" + QByteArray::number(clock->offsetMs()) + '\n');
    state.write("customers=" + QByteArray::number(options.customers) + '\n');
    state.write("pid=" + QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    state.close();

    // SIGTERM/SIGINT end the loop, so the database connections close in order.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_stopPipe) != 0)
        return 1;
    QSocketNotifier notifier(s_stopPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, QCoreApplication::instance(),
                     [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = [](int) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(s_stopPipe[0], &byte, 1);
    };
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    const int code = QCoreApplication::exec();
    const auto stats = service.value()->server().stats();
    qInfo("bench server: stopping; connections accepted %d, shed requests %lld",
          static_cast<int>(stats.acceptedConnections), static_cast<long long>(stats.shedRequests));
    service.value().reset();
    return code;
}

} // namespace tc::bench
