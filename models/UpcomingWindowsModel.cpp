#include "UpcomingWindowsModel.h"

#include "ClosureReasonText.h"
#include "TokyoFormat.h"
#include "UiLanguage.h"

#include <QCoreApplication>

namespace tc {

UpcomingWindowsModel::UpcomingWindowsModel(QObject *parent) : QAbstractTableModel(parent) { }

void UpcomingWindowsModel::refresh(const ServiceCalendar &calendar, const QDateTime &now, int days)
{
    const QDateTime from = now.toUTC();
    QList<ServiceWindow> windows = calendar.windowsBetween(from, from.addDays(days));
    beginResetModel();
    m_windows = std::move(windows);
    m_now = from;
    endResetModel();
}

int UpcomingWindowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_windows.size());
}

int UpcomingWindowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UpcomingWindowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceWindow &window = m_windows.at(index.row());
    const UiLanguage language = currentUiLanguage();
    const bool inProgress = window.contains(m_now);

    switch (role) {
    case StartRole:
        return window.start;
    case EndRole:
        return window.end;
    case InProgressRole:
        return inProgress;
    case Qt::DisplayRole:
        switch (index.column()) {
        case StartColumn:
            return formatTokyoFullDayTime(window.start, language);
        case EndColumn:
            return formatTokyoFullDayTime(window.end, language);
        case DurationColumn:
            return formatDuration(window.start.secsTo(window.end));
        case ReasonColumn:
            return inProgress ? tr("%1 (in progress)").arg(closureReasonsText(window))
                              : closureReasonsText(window);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant UpcomingWindowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return tr("Start (Tokyo)");
    case EndColumn:
        return tr("End (Tokyo)");
    case DurationColumn:
        return tr("Duration");
    case ReasonColumn:
        return tr("Reason");
    }
    return {};
}

QString formatDuration(qint64 seconds)
{
    const qint64 minutes = (seconds + 59) / 60;
    const qint64 hours = minutes / 60;
    const qint64 rest = minutes % 60;
    if (hours == 0)
        return QCoreApplication::translate("tc::UpcomingWindowsModel", "%1 min").arg(rest);
    if (rest == 0)
        return QCoreApplication::translate("tc::UpcomingWindowsModel", "%1 h").arg(hours);
    return QCoreApplication::translate("tc::UpcomingWindowsModel", "%1 h %2 min")
        .arg(hours)
        .arg(rest);
}

} // namespace tc
