#include "Translations.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// The standard buttons the console's dialogs use, in its own translations too: the Japanese
// dialogs stay Japanese where qtbase's translations (qt6-translations-l10n) are not installed.
// Where they are, qtbase's are installed later and answer first.
[[maybe_unused]] constexpr const char *standardButtonTexts[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
};

} // namespace

namespace tc {

std::optional<UiLanguage> parseUiLanguage(QStringView code)
{
    if (code.compare(u"ja", Qt::CaseInsensitive) == 0)
        return UiLanguage::Japanese;
    if (code.compare(u"en", Qt::CaseInsensitive) == 0)
        return UiLanguage::English;
    return std::nullopt;
}

QString uiLanguageCode(UiLanguage language)
{
    return language == UiLanguage::English ? u"en"_s : u"ja"_s;
}

UiLanguage chooseUiLanguage(std::optional<UiLanguage> requested, const QLocale &system)
{
    if (requested)
        return *requested;
    return system.language() == QLocale::English ? UiLanguage::English : UiLanguage::Japanese;
}

Translations::Translations() = default;

Translations::~Translations()
{
    remove();
}

QString Translations::resourcePath(UiLanguage language)
{
    return u":/i18n/teller-console_"_s % uiLanguageCode(language) % u".qm"_s;
}

bool Translations::install(UiLanguage language)
{
    remove();
    m_previousDefault = QLocale();
    // The default locale is what widgets read to pick the language of catalog texts and dates.
    QLocale::setDefault(uiLocale(language));

    auto console = std::make_unique<QTranslator>();
    const bool loaded = console->load(resourcePath(language));
    if (loaded) {
        QCoreApplication::installTranslator(console.get());
        m_console = std::move(console);
    } else {
        qCWarning(lcConsole) << "translation missing from the resources:" << resourcePath(language);
    }

    // Qt's own strings (standard buttons); not every system has them, which is harmless.
    auto qt = std::make_unique<QTranslator>();
    if (language != UiLanguage::English
        && qt->load(uiLocale(language), u"qtbase"_s, u"_"_s,
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    qCDebug(lcConsole) << "UI language" << uiLanguageCode(language);
    return loaded;
}

void Translations::remove()
{
    if (!m_console && !m_qt)
        return;
    if (m_console)
        QCoreApplication::removeTranslator(m_console.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_console.reset();
    m_qt.reset();
    QLocale::setDefault(m_previousDefault);
}

} // namespace tc
