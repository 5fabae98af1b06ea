#pragma once

#include <QStyledItemDelegate>

namespace tc {

// Draws the rows that stopped a customer (a failed, refused step, or a flow that had one) in
// dark red, the way staff scan a day for trouble; the outcome and code columns say the same in
// words, so nothing rests on the colour alone.
class FailedRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `failedRole`: the model's bool role for "this row stopped the customer".
    FailedRowDelegate(int failedRole, QObject *parent);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Q_DISABLE_COPY_MOVE(FailedRowDelegate)

    int m_failedRole;
};

} // namespace tc
