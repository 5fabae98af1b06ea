#include "DemoMode.h"

#include "BackendService.h"
#include "Crypto.h"
#include "DemoApi.h"
#include "DemoClock.h"
#include "DemoData.h"
#include "DemoSetup.h"
#include "DemoStaff.h"
#include "FlowService.h"
#include "Simulator.h"
#include "StaffAccounts.h"
#include "TokyoTime.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace tc::backend::demo {

namespace {

Error configError(const QString &message)
{
    return Error {u"config"_s, message};
}

Error unavailable(const QString &message)
{
    return Error {u"unavailable"_s, message};
}

} // namespace

DemoMode::~DemoMode()
{
    m_simulator.reset(); // its requests target the server: it goes first
    m_network.reset();
    m_service.reset();
}

Result<std::unique_ptr<DemoMode>> DemoMode::start(const DemoOptions &options)
{
    std::unique_ptr<DemoMode> demo(new DemoMode);
    QString configPath = options.configPath;
    QString caPath;
    if (configPath.isEmpty()) {
        const Result<DemoFolder> folder = DemoSetup::prepare(
            options.demoDir.isEmpty() ? DemoSetup::defaultDirectory() : options.demoDir);
        if (!folder)
            return unavailable(folder.error().message);
        configPath = folder->configPath;
        caPath = folder->caCertificatePath;
        demo->m_notes << u"demo folder: %1"_s.arg(folder->dir);
    }
    const Result<BackendSettings> settings = BackendConfig::load(configPath);
    if (!settings)
        return configError(settings.error().message);
    if (caPath.isEmpty()) {
        // A configuration of one's own: pin the CA beside the certificate, else its chain.
        const QString besides =
            QFileInfo(settings->server.certificateFile).dir().filePath(u"ca.pem"_s);
        caPath = QFileInfo::exists(besides) ? besides : settings->server.certificateFile;
    }
    const QString filesDir = settings->database.driver == DatabaseDriver::Sqlite
        ? QFileInfo(settings->database.sqlitePath).absolutePath()
        : QFileInfo(configPath).absolutePath();

    demo->m_clock = std::make_shared<DemoClock>(options.clockStart);

    // Seed before the server listens, with the PIN key the service will use.
    {
        Result<QByteArray> pinKey =
            crypto::readKeyFile(settings->pinKeyFile, u"security/pin_key_file"_s);
        if (!pinKey)
            return configError(pinKey.error().message);
        Result<std::unique_ptr<Database>> database = Database::open(settings->database);
        if (!database)
            return unavailable(database.error().message);
        const FlowService flows(*database.value(), *demo->m_clock, pinKey.value(), {});
        const Result<DemoSeedReport> seeded = DemoData::seedIfEmpty(
            *database.value(), flows, filesDir, {.now = demo->m_clock->now()});
        if (!seeded)
            return unavailable(u"demo data: %1"_s.arg(seeded.error().message));
        if (seeded->seeded)
            demo->m_notes << u"demo data created: %1 institutions, %2 offices, %3 customers, "
                             "%4 accounts, %5 transactions"_s.arg(seeded->institutions)
                                 .arg(seeded->branches)
                                 .arg(seeded->customers)
                                 .arg(seeded->accounts)
                                 .arg(seeded->transactions);
        else
            demo->m_notes << u"demo data: kept from an earlier run"_s;
        demo->m_notes << u"demo customers (PINs included, demo data only): %1"_s.arg(
            seeded->csvPath);
        demo->m_notes << u"demo app: client_id %1, client secret in %2"_s.arg(
            QString(DemoData::ClientId), seeded->clientSecretPath);
        staff::StaffAccounts staffAccounts(*database.value(), *demo->m_clock, settings->staff,
                                           pinKey.value());
        const Result<DemoStaffReport> staffSeeded =
            DemoStaff::seedIfEmpty(*database.value(), staffAccounts, filesDir);
        if (!staffSeeded)
            return unavailable(u"demo staff: %1"_s.arg(staffSeeded.error().message));
        if (staffSeeded->seeded)
            demo->m_notes << u"demo staff users created: %1"_s.arg(staffSeeded->users);
        demo->m_notes << u"demo staff sign-ins (passwords included, demo data only): %1"_s.arg(
            staffSeeded->csvPath);
    }

    DemoClock *clock = demo->m_clock.get();
    Result<std::unique_ptr<BackendService>> service =
        BackendService::start(settings.value(), demo->m_clock, [clock](http::Router &router) {
            registerDemoApi(
                router, {.clock = clock, .advance = [clock](qint64 ms) { clock->advance(ms); }});
        });
    if (!service)
        return unavailable(service.error().message);
    demo->m_service = std::move(service.value());
    demo->m_notes << u"demo clock: %1 (runs in real time; POST /api/v1/demo/clock moves it)"_s.arg(
        clock->now().toTimeZone(tokyoTimeZone()).toString(Qt::ISODate));

    if (!options.simulate) {
        demo->m_notes << u"simulated customers: off"_s;
        return demo;
    }
    const Result<QList<DemoCustomer>> customers =
        DemoData::readCsv(QDir(filesDir).filePath(QString(DemoData::CsvFileName)));
    const Result<QString> secret = DemoData::readClientSecret(filesDir);
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(caPath);
    if (!customers || !secret || ca.isEmpty())
        return unavailable(u"simulator: %1"_s.arg(!customers ? customers.error().message
                                                      : !secret
                                                      ? secret.error().message
                                                      : u"no certificate in %1"_s.arg(caPath)));
    QString host = settings->server.listenHost;
    if (host.isEmpty() || host == u"0.0.0.0"_s || host == u"::"_s)
        host = u"127.0.0.1"_s;
    QUrl base;
    base.setScheme(u"https"_s);
    base.setHost(host);
    base.setPort(demo->m_service->port());
    demo->m_network = std::make_unique<QNetworkAccessManager>();
    demo->m_simulator = std::make_unique<Simulator>(
        SimulatorSettings {.baseUrl = base,
                           .caCertificates = ca,
                           .telephonySecret = demo->m_service->telephonySecret(),
                           .clientId = QString(DemoData::ClientId),
                           .clientSecret = secret.value(),
                           .redirectUri = DemoData::redirectUris().constFirst(),
                           .customers = customers.value(),
                           .seed = QRandomGenerator::global()->generate(),
                           .intervalMs = options.simulateIntervalMs},
        demo->m_network.get(), *demo->m_clock);
    demo->m_simulator->start();
    demo->m_notes << u"simulated customers: on, a new one about every %1 s (--simulate off stops "
                     "them)"_s.arg(options.simulateIntervalMs / 1000.0);
    return demo;
}

} // namespace tc::backend::demo
