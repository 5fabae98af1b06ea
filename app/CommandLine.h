#pragma once

#include "UiLanguage.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace tc {

// The console's command line: --lang ja|en, --demo-dir DIR, --demo-user NAME, --tour DIR, --help,
// --version.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(tc::CommandLine)

public:
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    // Only --lang, before any translator is installed, so that --help is in that language.
    static std::optional<UiLanguage> requestedLanguage(const QStringList &arguments);

    CommandLine();

    Outcome process(const QStringList &arguments);

    std::optional<UiLanguage> language() const { return m_language; }
    // The folder of `auth-backend --demo` (its CA, address and demo staff): training only.
    QString demoDir() const { return m_demoDir; }
    // With --demo-dir: the demo staff user to sign in as (empty: the teller of 本店営業部).
    QString demoUser() const { return m_demoUser; }
    // Take the scripted tour, saving a screenshot per step into this folder, then quit.
    QString tourDir() const { return m_tourDir; }
    QString errorText() const { return m_error; }
    QString helpText() const { return m_parser.helpText(); }
    static QString versionText();

private:
    Q_DISABLE_COPY_MOVE(CommandLine)

    QCommandLineParser m_parser;
    QCommandLineOption m_langOption;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    QCommandLineOption m_demoDirOption;
    QCommandLineOption m_demoUserOption;
    QCommandLineOption m_tourOption;
    QString m_demoDir;
    QString m_demoUser;
    QString m_tourDir;
    std::optional<UiLanguage> m_language;
    QString m_error;
};

} // namespace tc
