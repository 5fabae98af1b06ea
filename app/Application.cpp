#include "Application.h"

#include "CommandLine.h"
#include "Console.h"
#include "DemoDirectory.h"
#include "ErrorCatalog.h"
#include "Logging.h"
#include "MainWindow.h"
#include "ServiceCalendar.h"
#include "Settings.h"
#include "TableStateHelper.h"
#include "Tour.h"
#include "Translations.h"

#include <QApplication>
#include <QSslCertificate>
#include <QTabWidget>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(u"TellerConsole"_s);
    QCoreApplication::setApplicationName(u"teller-console"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TC_VERSION));
}

} // namespace

int runTellerConsole(int argc, char *argv[])
{
    std::optional<UiLanguage> requested;
    QString demoDir;
    QString demoUser;
    QString tourDir;
    {
        // --help and --version must work without a display, so the command line is read with a
        // core application before any GUI exists.
        QCoreApplication core(argc, argv);
        setApplicationNames();
        const QStringList arguments = QCoreApplication::arguments();
        Translations translations;
        translations.install(
            chooseUiLanguage(CommandLine::requestedLanguage(arguments), QLocale::system()));
        CommandLine commandLine;
        switch (commandLine.process(arguments)) {
        case CommandLine::Outcome::ShowHelp:
            std::fputs(qUtf8Printable(commandLine.helpText()), stdout);
            return 0;
        case CommandLine::Outcome::ShowVersion:
            std::fputs(qUtf8Printable(CommandLine::versionText() + u'\n'), stdout);
            return 0;
        case CommandLine::Outcome::Error:
            std::fputs(qUtf8Printable(commandLine.errorText() + u'\n'), stderr);
            return 2;
        case CommandLine::Outcome::Run:
            requested = commandLine.language();
            demoDir = commandLine.demoDir();
            demoUser = commandLine.demoUser();
            tourDir = commandLine.tourDir();
            break;
        }
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QGuiApplication::setDesktopFileName(u"teller-console"_s);
    Translations translations;
    translations.install(chooseUiLanguage(requested, QLocale::system()));

    const std::unique_ptr<Settings> settings = Settings::forUser();
    qCDebug(lcConsole) << "settings in" << settings->fileName();

    const ServiceCalendar calendar;
    // The backend's time (a demo may run on a clock of its own), as its last answer told it.
    auto backendOffsetMs = std::make_shared<qint64>(0);
    const Clock clock = [backendOffsetMs] {
        return QDateTime::currentDateTimeUtc().addMSecs(*backendOffsetMs);
    };
    MainWindow window(ErrorCatalog::builtIn(), calendar, clock);
    if (!window.restoreGeometry(settings->mainWindowGeometry()))
        window.resize(1100, 720);
    window.tabs()->setCurrentIndex(settings->mainWindowTab());
    for (TableStateHelper *table : window.tableStates())
        table->restoreState(settings->viewState(table->viewKey()));
    window.show();

    Console console(window, *settings, clock);
    QObject::connect(&console, &Console::backendClockOffsetChanged, &window,
                     [backendOffsetMs, &window](qint64 offsetMs) {
                         // A demo clock far from this machine's moves the plan of pauses.
                         const bool moved = std::abs(offsetMs - *backendOffsetMs) > 60'000;
                         *backendOffsetMs = offsetMs;
                         if (moved)
                             window.refreshUpcoming();
                     });
    std::unique_ptr<Tour> tour;
    if (!demoDir.isEmpty()) {
        const Result<DemoDirectory> demo = DemoDirectory::read(demoDir, demoUser);
        if (!demo) {
            std::fputs(qUtf8Printable(demo.error().message + u'\n'), stderr);
            return 2;
        }
        const QList<QSslCertificate> ca = QSslCertificate::fromPath(demo.value().caFile);
        if (console.connectTo({.baseUrl = demo.value().baseUrl, .pinnedCa = ca})) {
            if (!tourDir.isEmpty())
                tour = std::make_unique<Tour>(window, console, tourDir);
            console.signIn(demo.value().username, demo.value().password);
        }
    } else {
        console.start();
    }

    const int exitCode = QApplication::exec();
    settings->setMainWindowGeometry(window.saveGeometry());
    settings->setMainWindowTab(window.tabs()->currentIndex());
    for (const TableStateHelper *table : window.tableStates()) {
        // Widths fitted to today's rows are not a layout to bring back tomorrow.
        if (table->hasUserLayout())
            settings->setViewState(table->viewKey(), table->saveState());
    }
    settings->sync();
    return exitCode;
}

} // namespace tc
