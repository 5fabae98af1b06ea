#pragma once

#include "UiLanguage.h"

#include <QDateTime>
#include <QString>

namespace tc {

// Instants are stored in UTC; staff read them in Asia/Tokyo, in the UI language's form.

// "11/24(火)" / "Tue 11/24"
QString formatTokyoDay(const QDateTime &instant, UiLanguage language);
// "00:00"
QString formatTokyoTime(const QDateTime &instant);
// "11/24(火) 00:00"
QString formatTokyoDayTime(const QDateTime &instant, UiLanguage language);
// "2025/11/24(月) 00:00" / "Mon 2025-11-24 00:00"
QString formatTokyoFullDayTime(const QDateTime &instant, UiLanguage language);
// "11/24(火) 00:00–00:01", or with the end's day when it falls on another Tokyo day.
QString formatTokyoSpan(const QDateTime &start, const QDateTime &end, UiLanguage language);

} // namespace tc
