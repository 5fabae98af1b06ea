#include "StaffCommand.h"

#include "BackendConfig.h"
#include "BackendMain.h"
#include "Clock.h"
#include "Crypto.h"
#include "Database.h"
#include "ErrorCodes.h"
#include "StaffAccounts.h"
#include "TokyoTime.h"

#include <QCommandLineParser>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tc::backend::staff {

namespace {

constexpr int ExitDataError = 65; // EX_DATAERR

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

const QString usageText =
    u"usage: auth-backend staff COMMAND [--config FILE] …\n"
    "  add --institution ID --username NAME --display-name TEXT\n"
    "      --role teller|support|supervisor [--branch CODE] [--totp]\n"
    "  passwd USERNAME       set a new password (read from standard input)\n"
    "  disable USERNAME      disable the account and end its sessions\n"
    "  enable USERNAME       enable it again (also clears a sign-in lock)\n"
    "  reset-totp USERNAME   give a new TOTP secret (prints its otpauth URI)\n"
    "  list [--institution ID]\n"
    "Passwords are read from standard input: prompted without echo on a "
    "terminal, else one line.\n"_s;

int usage(const QString &message)
{
    printTo(stderr, u"auth-backend staff: %1\n%2"_s.arg(message, usageText));
    return ExitUsage;
}

// One line of standard input without its line end; nullopt at end of input.
std::optional<QString> readLine()
{
    QByteArray line;
    char buffer[1024];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        line += buffer;
        if (line.endsWith('\n'))
            break;
    }
    if (line.isEmpty())
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

std::optional<QString> readHidden(const QString &prompt)
{
    printTo(stderr, prompt);
    termios saved {};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const std::optional<QString> line = readLine();
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return line;
}

// The new password: twice without echo on a terminal, else one line of standard input.
std::optional<QString> readPassword(const QString &username)
{
    if (!::isatty(STDIN_FILENO))
        return readLine();
    const std::optional<QString> first = readHidden(u"New password for %1: "_s.arg(username));
    if (!first)
        return std::nullopt;
    const std::optional<QString> second = readHidden(u"Repeat it: "_s);
    if (!second || *second != *first) {
        printTo(stderr, u"auth-backend staff: the two passwords differ\n"_s);
        return std::nullopt;
    }
    return first;
}

int refused(const Error &error)
{
    printTo(stderr, u"auth-backend staff: %1\n"_s.arg(error.message));
    return error.key == codes::SystemError ? int(ExitUnavailable) : ExitDataError;
}

QString tokyo(const QDateTime &instant)
{
    return instant.toTimeZone(tokyoTimeZone()).toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

int runStaffCommand(const QStringList &arguments, const QString &defaultConfigPath)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList {u"h"_s, u"help"_s});
    const QCommandLineOption configOption(QStringList {u"c"_s, u"config"_s}, QString(), u"file"_s);
    const QCommandLineOption institutionOption(u"institution"_s, QString(), u"id"_s);
    const QCommandLineOption usernameOption(u"username"_s, QString(), u"name"_s);
    const QCommandLineOption displayNameOption(u"display-name"_s, QString(), u"text"_s);
    const QCommandLineOption roleOption(u"role"_s, QString(), u"role"_s);
    const QCommandLineOption branchOption(u"branch"_s, QString(), u"code"_s);
    const QCommandLineOption totpOption(u"totp"_s);
    parser.addOptions({help, configOption, institutionOption, usernameOption, displayNameOption,
                       roleOption, branchOption, totpOption});
    if (!parser.parse(QStringList {u"auth-backend staff"_s} + arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        printTo(stdout, usageText);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(u"which command?"_s);
    const QString command = positional.constFirst();
    const QList<QCommandLineOption> addOnly {usernameOption, displayNameOption, roleOption,
                                             branchOption, totpOption};

    NewStaff newStaff;
    QString username;
    if (command == u"add"_s) {
        if (positional.size() != 1)
            return usage(u"'add' takes options only"_s);
        for (const QCommandLineOption &required :
             {institutionOption, usernameOption, displayNameOption, roleOption}) {
            if (!parser.isSet(required))
                return usage(u"'add' needs --%1"_s.arg(required.names().constFirst()));
        }
        const std::optional<StaffRole> role = roleFromName(parser.value(roleOption));
        if (!role)
            return usage(u"--role takes teller, support or supervisor"_s);
        newStaff = {.institutionId = parser.value(institutionOption),
                    .username = parser.value(usernameOption),
                    .displayName = parser.value(displayNameOption),
                    .role = *role,
                    .branchCode = parser.value(branchOption),
                    .withTotp = parser.isSet(totpOption)};
        if (newStaff.role == StaffRole::Teller && newStaff.branchCode.isEmpty())
            return usage(u"a teller belongs to a branch: give --branch CODE"_s);
        if (!StaffAccounts::isValidUsername(newStaff.username))
            return usage(u"--username takes 1 to 64 characters of A-Z a-z 0-9 . _ @ -"_s);
        username = newStaff.username;
    } else if (command == u"passwd"_s || command == u"disable"_s || command == u"enable"_s
               || command == u"reset-totp"_s) {
        if (positional.size() != 2)
            return usage(u"'%1' takes one USERNAME"_s.arg(command));
        for (const QCommandLineOption &option : addOnly + QList {institutionOption}) {
            if (parser.isSet(option))
                return usage(u"--%1 belongs to 'add'"_s.arg(option.names().constFirst()));
        }
        username = positional.at(1);
    } else if (command == u"list"_s) {
        if (positional.size() != 1)
            return usage(u"'list' takes no USERNAME"_s);
        for (const QCommandLineOption &option : addOnly) {
            if (parser.isSet(option))
                return usage(u"--%1 belongs to 'add'"_s.arg(option.names().constFirst()));
        }
    } else {
        return usage(u"unknown command '%1'"_s.arg(command));
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
    const Result<QByteArray> serverKey =
        crypto::readKeyFile(settings->pinKeyFile, u"security/pin_key_file"_s);
    if (!serverKey) {
        printTo(stderr, u"auth-backend staff: %1\n"_s.arg(serverKey.error().message));
        return ExitConfig;
    }

    // The password before the database: a refused one costs nothing.
    if (command == u"add"_s || command == u"passwd"_s) {
        const std::optional<QString> password = readPassword(username);
        if (!password)
            return refused(
                Error {QString(codes::MalformedRequest), u"no password on standard input"_s});
        if (Status policy = StaffAccounts::checkPassword(*password); !policy)
            return refused(policy.error());
        newStaff.password = *password;
    }

    Result<std::unique_ptr<Database>> database = Database::open(settings->database);
    if (!database) {
        printTo(stderr, u"auth-backend staff: %1\n"_s.arg(database.error().message));
        return ExitUnavailable;
    }
    const SystemClock clock;
    StaffAccounts accounts(*database.value(), clock, settings->staff, serverKey.value());

    const auto printUri = [&](const QString &uri) {
        printTo(stdout,
                u"TOTP for %1 — add it to the authenticator app now; it is not shown again:\n"
                "%2\n"_s.arg(username, uri));
    };
    if (command == u"add"_s) {
        const Result<QString> added = accounts.addStaff(newStaff);
        if (!added)
            return refused(added.error());
        printTo(stdout, u"staff user %1 added (%2)\n"_s.arg(username, roleName(newStaff.role)));
        if (!added->isEmpty())
            printUri(added.value());
        return ExitOk;
    }
    if (command == u"passwd"_s) {
        if (Status set = accounts.setPassword(username, newStaff.password); !set)
            return refused(set.error());
        printTo(stdout, u"password of %1 changed; its sessions have ended\n"_s.arg(username));
        return ExitOk;
    }
    if (command == u"disable"_s) {
        if (Status done = accounts.disable(username); !done)
            return refused(done.error());
        printTo(stdout, u"%1 disabled; its sessions have ended\n"_s.arg(username));
        return ExitOk;
    }
    if (command == u"enable"_s) {
        if (Status done = accounts.enable(username); !done)
            return refused(done.error());
        printTo(stdout, u"%1 enabled\n"_s.arg(username));
        return ExitOk;
    }
    if (command == u"reset-totp"_s) {
        const Result<QString> uri = accounts.resetTotp(username);
        if (!uri)
            return refused(uri.error());
        printUri(uri.value());
        return ExitOk;
    }
    const Result<QList<StaffRecord>> records = accounts.list(parser.value(institutionOption));
    if (!records)
        return refused(records.error());
    const QDateTime now = clock.now();
    QString out = u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(u"institution"_s, -16)
                      .arg(u"username"_s, -20)
                      .arg(u"role"_s, -10)
                      .arg(u"branch"_s, -6)
                      .arg(u"totp"_s, -4)
                      .arg(u"state"_s, -24)
                      .arg(u"display name"_s);
    for (const StaffRecord &r : records.value()) {
        const QString state = r.disabledAt.isValid()
            ? u"disabled"_s
            : (r.lockedUntil.isValid() && r.lockedUntil > now
                   ? u"locked until %1"_s.arg(tokyo(r.lockedUntil))
                   : u"active"_s);
        out += u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(r.institutionId, -16)
                   .arg(r.username, -20)
                   .arg(roleName(r.role), -10)
                   .arg(r.branchCode.isEmpty() ? u"-"_s : r.branchCode, -6)
                   .arg(r.hasTotp ? u"yes"_s : u"no"_s, -4)
                   .arg(state, -24)
                   .arg(r.displayName);
    }
    printTo(stdout, out);
    return ExitOk;
}

} // namespace tc::backend::staff
