#include "UiLanguage.h"

#include "ErrorCatalog.h"

namespace tc {

UiLanguage currentUiLanguage()
{
    // Japanese is the default for every locale but English, the C locale of CI included.
    return QLocale().language() == QLocale::English ? UiLanguage::English : UiLanguage::Japanese;
}

QLocale uiLocale(UiLanguage language)
{
    return language == UiLanguage::English ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : QLocale(QLocale::Japanese, QLocale::Japan);
}

QString staffText(const StaffText &text, UiLanguage language)
{
    // An entry lacking the English text still tells staff something rather than nothing.
    if (language == UiLanguage::English && !text.en.isEmpty())
        return text.en;
    return text.ja.isEmpty() ? text.en : text.ja;
}

} // namespace tc
