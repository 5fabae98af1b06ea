#include "InterimLockSentence.h"

#include "TokyoFormat.h"
#include "TokyoTime.h"
#include "UiLanguage.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tc::LockSentence", text);
}

QString remaining(qint64 seconds)
{
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return tr("in %1 min").arg(minutes);
    return tr("in %1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

QString lockSentence(const protocol::AccountLock &lock, const QDateTime &now)
{
    const UiLanguage language = currentUiLanguage();
    const QString kind = lock.kind == QLatin1StringView("pin") ? tr("PIN") : tr("Identity");
    const QString failures =
        tr("%1 of %2 failures today").arg(lock.failuresToday).arg(lock.threshold);
    if (lock.locked && lock.releaseAt.isValid()) {
        const QString when = tokyoDate(lock.releaseAt) == tokyoDate(now).addDays(1)
                || tokyoDate(lock.releaseAt) == tokyoDate(now)
            ? formatTokyoTime(lock.releaseAt)
            : formatTokyoDayTime(lock.releaseAt, language);
        const QString code = lock.kind == QLatin1StringView("pin") ? u"D84"_s : u"B84"_s;
        return tr("%1 locked until %2 JST (%3), %4, code %5 on new attempts")
            .arg(kind, when, remaining(std::max<qint64>(0, now.secsTo(lock.releaseAt))), failures,
                 code);
    }
    if (lock.releasedEarlyAt.isValid())
        return tr("%1 released early at %2 JST, %3")
            .arg(kind, formatTokyoTime(lock.releasedEarlyAt), failures);
    return tr("%1 not locked, %2").arg(kind, failures);
}

} // namespace tc
