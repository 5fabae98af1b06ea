#include "BackendMain.h"

#include "BackendConfig.h"
#include "BackendService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBackend, "tc.backend")

namespace tc::backend {

namespace {

const QString defaultConfigPath = u"/etc/teller-console/auth-backend.ini"_s;

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

// SIGTERM (systemd stop) and SIGINT end the event loop, so the server closes and the database
// connections are released in order. The handler only writes a byte to a pipe; the event loop
// reads it (nothing else is safe inside a signal handler).
class StopOnSignals final
{
public:
    StopOnSignals()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_pipe) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(s_pipe[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated,
                         QCoreApplication::instance(), [] {
                             char byte = 0;
                             if (::read(s_pipe[1], &byte, 1) == 1)
                                 QCoreApplication::quit();
                         });
        struct sigaction action = {};
        action.sa_handler = [](int) {
            const char byte = 1;
            [[maybe_unused]] const auto written = ::write(s_pipe[0], &byte, 1);
        };
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);
    }

private:
    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace

int runAuthBackend(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"auth-backend"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TC_VERSION));
    QCoreApplication::setOrganizationName(u"teller-console"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"HTTPS service for API linkage authentication (API連携認証) and the staff API of "
        "Teller Console."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        {u"c"_s, u"config"_s},
        u"Read the configuration from <file> (default: $TC_BACKEND_CONFIG, else %1)."_s.arg(
            defaultConfigPath),
        u"file"_s);
    const QCommandLineOption checkOption(
        u"check-config"_s, u"Validate the configuration file, report every problem and exit."_s);
    const QCommandLineOption helpConfigOption(
        u"help-config"_s, u"List every configuration key with its type and default."_s);
    parser.addOptions({configOption, checkOption, helpConfigOption});

    if (!parser.parse(QCoreApplication::arguments())) {
        printTo(stderr,
                u"auth-backend: %1\nTry 'auth-backend --help'.\n"_s.arg(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (parser.isSet(helpConfigOption)) {
        printTo(stdout, BackendConfig::schema().describe());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printTo(stderr,
                u"auth-backend: unknown command '%1'\nTry 'auth-backend --help'.\n"_s.arg(
                    parser.positionalArguments().constFirst()));
        return ExitUsage;
    }

    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = qEnvironmentVariable("TC_BACKEND_CONFIG", defaultConfigPath);
    const Result<BackendSettings> settings = BackendConfig::load(configPath);
    if (!settings) {
        printTo(stderr,
                u"auth-backend: configuration rejected\n%1\n"_s.arg(settings.error().message));
        return ExitConfig;
    }
    if (parser.isSet(checkOption)) {
        printTo(stdout, u"auth-backend: configuration %1 is valid\n"_s.arg(configPath));
        return ExitOk;
    }

    Result<std::unique_ptr<BackendService>> service = BackendService::start(settings.value());
    if (!service) {
        printTo(stderr, u"auth-backend: cannot start: %1\n"_s.arg(service.error().message));
        return ExitUnavailable;
    }
    const StopOnSignals stopper;
    qCInfo(lcBackend).noquote() << "auth-backend" << TC_VERSION << "listening on"
                                << settings->server.listenHost + u':'
            + QString::number(service.value()->port());
    printTo(stdout,
            u"auth-backend: listening on https://%1:%2\n"_s.arg(settings->server.listenHost)
                .arg(service.value()->port()));
    const int status = QCoreApplication::exec();
    qCInfo(lcBackend) << "stopping";
    return status;
}

} // namespace tc::backend
