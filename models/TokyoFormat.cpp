#include "TokyoFormat.h"

#include "TokyoTime.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

QDateTime inTokyo(const QDateTime &instant)
{
    return instant.toTimeZone(tokyoTimeZone());
}

} // namespace

QString formatTokyoDay(const QDateTime &instant, UiLanguage language)
{
    const QString format = QCoreApplication::translate(
        "tc::TokyoFormat", "ddd M/d", "QDate::toString format of a short day, e.g. Tue 11/24");
    return uiLocale(language).toString(inTokyo(instant).date(), format);
}

QString formatTokyoTime(const QDateTime &instant)
{
    return inTokyo(instant).time().toString(u"HH:mm"_s);
}

QString formatTokyoDayTime(const QDateTime &instant, UiLanguage language)
{
    return formatTokyoDay(instant, language) % u' ' % formatTokyoTime(instant);
}

QString formatTokyoFullDayTime(const QDateTime &instant, UiLanguage language)
{
    const QString format = QCoreApplication::translate(
        "tc::TokyoFormat", "ddd yyyy-MM-dd",
        "QDate::toString format of a day with the year, e.g. Mon 2025-11-24");
    return uiLocale(language).toString(inTokyo(instant).date(), format) % u' '
        % formatTokyoTime(instant);
}

QString formatTokyoSpan(const QDateTime &start, const QDateTime &end, UiLanguage language)
{
    const QString from = formatTokyoDayTime(start, language);
    if (tokyoDate(start) == tokyoDate(end))
        return from % u'–' % formatTokyoTime(end);
    return from % u'–' % formatTokyoDayTime(end, language);
}

} // namespace tc
