#pragma once

#include "ServiceCalendar.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace tc {

// The service windows (maintenance and pauses) from now on, one row per merged window.
class UpcomingWindowsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StartColumn, EndColumn, DurationColumn, ReasonColumn, ColumnCount };
    enum Role { StartRole = Qt::UserRole + 1, EndRole, InProgressRole };

    static constexpr int defaultDays = 30;

    explicit UpcomingWindowsModel(QObject *parent = nullptr);

    // Windows overlapping [now, now + days), the one in progress included.
    void refresh(const ServiceCalendar &calendar, const QDateTime &now, int days = defaultDays);

    const QList<ServiceWindow> &windows() const { return m_windows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Q_DISABLE_COPY_MOVE(UpcomingWindowsModel)

    QList<ServiceWindow> m_windows;
    QDateTime m_now;
};

// "1 min", "7 h 10 min" in the UI language.
QString formatDuration(qint64 seconds);

} // namespace tc
