#include "LockSentence.h"

#include "ErrorCodes.h"
#include "TokyoFormat.h"
#include "TokyoTime.h"
#include "UpcomingWindowsModel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tc {

QString lockedCode(const QString &lockKind)
{
    return lockKind == "pin"_L1 ? QString(codes::PinLocked) : QString(codes::IdentityLocked);
}

QString lockSentence(const protocol::AccountLock &lock, const QDateTime &now, UiLanguage language)
{
    const bool pin = lock.kind == "pin"_L1;
    if (lock.locked && lock.releaseAt.isValid() && now < lock.releaseAt) {
        const QString until = tokyoDate(lock.releaseAt) <= tokyoDate(now).addDays(1)
            ? formatTokyoTime(lock.releaseAt)
            : formatTokyoDayTime(lock.releaseAt, language);
        const QString left = formatDuration(now.secsTo(lock.releaseAt));
        const QString sentence = pin
            ? QCoreApplication::translate(
                "tc::LockSentence",
                "PIN locked until %1 JST (in %2), %n failure(s) today; new attempts get code %3",
                "%1 release time, %2 time left, %3 code", lock.failuresToday)
            : QCoreApplication::translate("tc::LockSentence",
                                          "Identity locked until %1 JST (in %2), %n failure(s) "
                                          "today; new attempts get code %3",
                                          "%1 release time, %2 time left, %3 code",
                                          lock.failuresToday);
        return sentence.arg(until, left, lockedCode(lock.kind));
    }
    if (lock.locked) {
        // The detail is older than the release: the next reload shows the new day.
        const QString sentence = pin
            ? QCoreApplication::translate("tc::LockSentence", "PIN lock ended at %1 JST")
            : QCoreApplication::translate("tc::LockSentence", "Identity lock ended at %1 JST");
        return sentence.arg(formatTokyoTime(lock.releaseAt));
    }
    if (lock.releasedEarlyAt.isValid()) {
        const QString sentence = pin
            ? QCoreApplication::translate("tc::LockSentence",
                                          "PIN lock released early at %1 JST, %n failure(s) since "
                                          "(locks at %2)",
                                          "", lock.failuresToday)
            : QCoreApplication::translate("tc::LockSentence",
                                          "Identity lock released early at %1 JST, %n failure(s) "
                                          "since "
                                          "(locks at %2)",
                                          "", lock.failuresToday);
        return sentence.arg(formatTokyoTime(lock.releasedEarlyAt)).arg(lock.threshold);
    }
    const QString sentence = pin
        ? QCoreApplication::translate("tc::LockSentence",
                                      "PIN not locked, %n failure(s) today (locks at %1)", "",
                                      lock.failuresToday)
        : QCoreApplication::translate("tc::LockSentence",
                                      "Identity not locked, %n failure(s) today (locks at %1)", "",
                                      lock.failuresToday);
    return sentence.arg(lock.threshold);
}

} // namespace tc
