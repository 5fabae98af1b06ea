#pragma once

#include <QString>
#include <QStringView>

namespace tc {

// Names in kana as customers type them (the seeds ask for half-width katakana, "ﾃﾞｰﾀ ﾀﾛｳ") and
// as staff search for them (full-width, hiragana, with or without the space): one comparable
// form, full-width katakana without spaces.
QString normalizedKanaName(QStringView name);

// Whether a name, once normalised, is katakana only (with the long-vowel mark and middle dot).
bool isKanaName(QStringView name);

} // namespace tc
