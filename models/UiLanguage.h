#pragma once

#include <QLocale>
#include <QString>

namespace tc {

struct StaffText;

enum class UiLanguage { Japanese, English };

// The language the console shows, as the application chose it at start (QLocale's default is
// set to match the installed translator, so both always agree).
UiLanguage currentUiLanguage();

// The locale used to format dates in the UI language.
QLocale uiLocale(UiLanguage language);

// The staff text in the UI language.
QString staffText(const StaffText &text, UiLanguage language);

} // namespace tc
