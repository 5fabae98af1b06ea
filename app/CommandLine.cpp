#include "CommandLine.h"

#include "Translations.h"

using namespace Qt::StringLiterals;

namespace tc {

std::optional<UiLanguage> CommandLine::requestedLanguage(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption lang(u"lang"_s, QString(), u"code"_s);
    parser.addOption(lang);
    // Unknown options are process()'s business; only --lang matters here.
    (void)parser.parse(arguments);
    return parser.isSet(lang) ? parseUiLanguage(parser.value(lang)) : std::nullopt;
}

CommandLine::CommandLine()
    : m_langOption(u"lang"_s, tr("Language of the user interface: ja (default) or en."),
                   tr("code")),
      m_helpOption(QStringList {u"h"_s, u"help"_s}, tr("Show this help and exit.")),
      m_versionOption(u"version"_s, tr("Show the version and exit.")),
      m_demoDirOption(u"demo-dir"_s,
                      tr("Training: connect to the demo backend of this folder (auth-backend "
                         "--demo) and sign in as its teller of 本店営業部."),
                      tr("folder")),
      m_demoUserOption(u"demo-user"_s,
                       tr("With --demo-dir: sign in as this demo staff user of demo-staff.csv "
                          "(for example gunma.supervisor or himawari.support)."),
                       tr("user")),
      m_tourOption(u"tour"_s,
                   tr("With --demo-dir: take the tour of the desk, save a screenshot of each "
                      "step in this folder and quit."),
                   tr("folder"))
{
    m_parser.setApplicationDescription(
        tr("Teller Console: explains the codes and messages of API linkage authentication and "
           "shows the service status."));
    m_parser.addOption(m_langOption);
    m_parser.addOption(m_helpOption);
    m_parser.addOption(m_versionOption);
    m_parser.addOption(m_demoDirOption);
    m_parser.addOption(m_demoUserOption);
    m_parser.addOption(m_tourOption);
}

CommandLine::Outcome CommandLine::process(const QStringList &arguments)
{
    m_language.reset();
    m_error.clear();
    m_demoDir.clear();
    m_demoUser.clear();
    m_tourDir.clear();
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return Outcome::Error;
    }
    if (m_parser.isSet(m_helpOption))
        return Outcome::ShowHelp;
    if (m_parser.isSet(m_versionOption))
        return Outcome::ShowVersion;
    if (!m_parser.positionalArguments().isEmpty()) {
        m_error = tr("Unexpected argument: %1").arg(m_parser.positionalArguments().constFirst());
        return Outcome::Error;
    }
    m_demoDir = m_parser.value(m_demoDirOption);
    m_demoUser = m_parser.value(m_demoUserOption);
    m_tourDir = m_parser.value(m_tourOption);
    if (!m_tourDir.isEmpty() && m_demoDir.isEmpty()) {
        m_error = tr("--tour needs --demo-dir.");
        return Outcome::Error;
    }
    if (!m_demoUser.isEmpty() && m_demoDir.isEmpty()) {
        m_error = tr("--demo-user needs --demo-dir.");
        return Outcome::Error;
    }
    if (m_parser.isSet(m_langOption)) {
        const QString code = m_parser.value(m_langOption);
        m_language = parseUiLanguage(code);
        if (!m_language) {
            m_error = tr("Unknown language “%1”: use ja or en.").arg(code);
            return Outcome::Error;
        }
    }
    return Outcome::Run;
}

QString CommandLine::versionText()
{
    return u"teller-console "_s % QStringLiteral(TC_VERSION);
}

} // namespace tc
