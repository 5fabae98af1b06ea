#include "ClosureReasonText.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace tc {

QString closureReasonText(ClosureReason reason)
{
    switch (reason) {
    case ClosureReason::DailyMidnight:
        return QCoreApplication::translate("tc::ClosureReason", "daily 00:00 pause");
    case ClosureReason::DailyEarlyMorning:
        return QCoreApplication::translate("tc::ClosureReason", "daily 04:00 pause");
    case ClosureReason::FirstThirdMonday:
        return QCoreApplication::translate("tc::ClosureReason",
                                           "scheduled pause on the 1st and 3rd Monday");
    case ClosureReason::SecondFourthSunday:
        return QCoreApplication::translate(
            "tc::ClosureReason", "scheduled pause from the eve of the 2nd and 4th Sunday");
    case ClosureReason::NewYear:
        return QCoreApplication::translate("tc::ClosureReason", "New Year pause");
    case ClosureReason::Announced:
        return QCoreApplication::translate("tc::ClosureReason", "announced maintenance");
    }
    Q_UNREACHABLE();
}

QString closureReasonsText(const ServiceWindow &window)
{
    // The daily pauses inside a longer closure (Saturday 23:50 → Sunday 07:00 swallows 00:00 and
    // 04:00) tell staff nothing more: name them only when they are the whole story.
    const bool hasLongerReason =
        std::any_of(window.reasons.cbegin(), window.reasons.cend(), [](ClosureReason reason) {
            return reason != ClosureReason::DailyMidnight
                && reason != ClosureReason::DailyEarlyMorning;
        });
    QStringList parts;
    for (const ClosureReason reason : window.reasons) {
        const bool daily =
            reason == ClosureReason::DailyMidnight || reason == ClosureReason::DailyEarlyMorning;
        if (!daily || !hasLongerReason)
            parts.append(closureReasonText(reason));
    }
    for (const QString &note : window.notes) {
        if (!note.isEmpty())
            parts.append(note);
    }
    return parts.join(QCoreApplication::translate("tc::ClosureReason", ", ",
                                                  "separator between closure reasons"));
}

} // namespace tc
