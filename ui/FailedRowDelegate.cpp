#include "FailedRowDelegate.h"

#include <QColor>

namespace tc {

FailedRowDelegate::FailedRowDelegate(int failedRole, QObject *parent)
    : QStyledItemDelegate(parent), m_failedRole(failedRole)
{ }

void FailedRowDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(m_failedRole).toBool())
        return;
    // Selected rows keep the selection's colours: red on blue is unreadable.
    if (!(option->state & QStyle::State_Selected))
        option->palette.setColor(QPalette::Text, QColor(0xb7, 0x1c, 0x1c));
}

} // namespace tc
