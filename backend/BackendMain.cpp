#include "BackendMain.h"

#include "BackendConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

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
    qCInfo(lcBackend) << "configuration" << configPath << "is valid";
    printTo(stdout, u"auth-backend: configuration %1 is valid\n"_s.arg(configPath));
    return ExitOk;
}

} // namespace tc::backend
