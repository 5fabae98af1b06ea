#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QAbstractItemModel;
class QAbstractItemView;
class QAction;
class QHeaderView;
class QMenu;

namespace tc {

// Per column of `header`, the width that shows the text of rows [first, last] of the view's
// model: each cell's text measured with the view's font, the delegate's margins taken from one
// cell (laying out every cell as the delegate paints it costs as much as painting it). 0 for
// hidden columns.
QList<int> textWidths(const QAbstractItemView &view, const QHeaderView &header, int first,
                      int last);

// What every table of the console does the same way, in one place (after KeePassXC's
// DatabaseWidgetStateSync): a header context menu to show and hide columns; the header's state
// (widths, order, sort, hidden columns) as QHeaderView::saveState() bytes under a view key, for
// the typed Settings; and Ctrl+C copying the selected rows as tab-separated text (visible
// columns in their shown order), ready to paste into a spreadsheet or a ticket.
class TableStateHelper final : public QObject
{
    Q_OBJECT

public:
    // `view` is a QTableView or QTreeView; the helper is its child. `viewKey` names the view
    // in the settings ("customer/attempts", …).
    TableStateHelper(QAbstractItemView *view, QString viewKey);

    const QString &viewKey() const { return m_viewKey; }
    QAbstractItemView *view() const { return m_view; }
    QHeaderView *header() const { return m_header; }
    QAction *copyAction() const { return m_copy; }

    // The header's state; while the view has no model (before sign-in), the state it will get.
    QByteArray saveState() const;
    // False (and nothing changed) for empty or foreign bytes. A view without columns yet keeps
    // the state and applies it when its model brings them (the desk's models come at sign-in).
    bool restoreState(const QByteArray &state);
    // Widths to fit the rows shown (capped, so that one long message cannot take the table),
    // unless the user's own layout was restored.
    void fitColumns();
    // Whether the columns are the user's: restored from the settings, or arranged by hand
    // (moved, sorted, shown or hidden, resized with the mouse). Only then are they worth keeping.
    bool hasUserLayout() const { return m_userLayout; }

    // The selected rows as text: one line per row, cells separated by tabs, tabs and line
    // breaks inside a cell replaced by spaces.
    QString selectedRowsText() const;
    // The header's context menu: a checkable entry per column, then "Fit columns to contents".
    std::unique_ptr<QMenu> columnsMenu();

public Q_SLOTS:
    void copySelectedRows();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // The user resized, moved, sorted, shown or hidden a column.
    void stateChanged();

private:
    Q_DISABLE_COPY_MOVE(TableStateHelper)

    void showHeaderMenu(const QPoint &position);
    void columnsArrived(int oldCount, int newCount);
    void rowsArrived(const QModelIndex &parent, int first, int last);
    void watch(QAbstractItemModel *model);
    // Rows [first, last] of the view's model (top level).
    struct Rows
    {
        int first = 0;
        int last = -1;
        bool isEmpty() const { return last < first; }
    };
    void fit(bool growOnly);
    void widen(Rows rows);
    int widthCap() const;

    QAbstractItemView *m_view = nullptr;
    QHeaderView *m_header = nullptr;
    QString m_viewKey;
    QAction *m_copy = nullptr;
    QByteArray m_layout; // the user's layout: restored, or last changed
    QPointer<QAbstractItemModel> m_watched;
    bool m_fitPending = true; // the next first rows get fitted widths
    bool m_fitting = false;
    bool m_fitQueued = false;
    Rows m_arrived; // top-level rows arrived since the last fit
    bool m_arrivedInChildren = false;
    bool m_userLayout = false; // restored from the settings, or arranged by hand
};

} // namespace tc
