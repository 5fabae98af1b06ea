#pragma once

#include "UiLanguage.h"

#include <QLocale>
#include <QStringView>

#include <memory>
#include <optional>

class QTranslator;

namespace tc {

// "ja" / "en" (case-insensitive); nothing for anything else.
std::optional<UiLanguage> parseUiLanguage(QStringView code);
QString uiLanguageCode(UiLanguage language);

// --lang wins; otherwise an English system locale gives English; otherwise Japanese, the
// default of a Japanese institution's tool, the C locale included.
UiLanguage chooseUiLanguage(std::optional<UiLanguage> requested, const QLocale &system);

// Installs the console's compiled translation (from the :/i18n resource) and Qt's own, and makes
// QLocale's default match, for as long as the object lives.
class Translations final
{
public:
    Translations();
    ~Translations();

    // False when the console's translation could not be loaded (a packaging error).
    bool install(UiLanguage language);
    void remove();

    static QString resourcePath(UiLanguage language);

private:
    Q_DISABLE_COPY_MOVE(Translations)

    std::unique_ptr<QTranslator> m_console;
    std::unique_ptr<QTranslator> m_qt;
    QLocale m_previousDefault;
};

} // namespace tc
