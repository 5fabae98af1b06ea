#include "TableStateHelper.h"

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QScopedValueRollback>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

QHeaderView *horizontalHeaderOf(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

QString cellText(const QModelIndex &index)
{
    QString text = index.data(Qt::DisplayRole).toString();
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    return text;
}

} // namespace

QList<int> textWidths(const QAbstractItemView &view, const QHeaderView &header, int first, int last)
{
    const QAbstractItemModel *model = view.model();
    QList<int> widths(header.count(), 0);
    if (!model)
        return widths;
    last = std::min(last, model->rowCount() - 1);
    if (first < 0 || last < first)
        return widths;
    const auto *table = qobject_cast<const QTableView *>(&view);
    const int grid = table && table->showGrid() ? 1 : 0;
    const QFontMetrics metrics = view.fontMetrics();
    for (int column = 0; column < header.count(); ++column) {
        if (header.isSectionHidden(column))
            continue;
        // The delegate's measure of one cell gives its margins (and icon); the others are
        // measured by their text alone.
        const QModelIndex sample = model->index(first, column);
        const int margins = view.sizeHintForIndex(sample).width()
            - metrics.horizontalAdvance(sample.data().toString());
        int widestText = 0;
        for (int row = first; row <= last; ++row) {
            widestText = std::max(
                widestText, metrics.horizontalAdvance(model->index(row, column).data().toString()));
        }
        widths[column] = widestText + margins + grid;
    }
    return widths;
}

TableStateHelper::TableStateHelper(QAbstractItemView *view, QString viewKey)
    : QObject(view), m_view(view), m_header(horizontalHeaderOf(view)), m_viewKey(std::move(viewKey))
{
    Q_ASSERT(m_header);
    setObjectName(u"tableState:"_s + m_viewKey);
    m_header->setSectionsMovable(true);
    if (auto *table = qobject_cast<QTableView *>(view)) {
        // Rows as tall as their text: a branch's day is many rows.
        table->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
        table->verticalHeader()->setMinimumSectionSize(view->fontMetrics().height() + 2);
    }
    m_header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_header, &QHeaderView::customContextMenuRequested, this,
            &TableStateHelper::showHeaderMenu);
    connect(m_header, &QHeaderView::sectionResized, this, &TableStateHelper::stateChanged);
    // Moving and sorting are always the user's doing; widths also change by themselves.
    connect(m_header, &QHeaderView::sectionMoved, this, [this] {
        m_userLayout = true;
        Q_EMIT stateChanged();
    });
    connect(m_header, &QHeaderView::sortIndicatorChanged, this, [this] {
        if (m_header->count() > 0 && !m_fitting)
            m_userLayout = true;
        Q_EMIT stateChanged();
    });
    connect(m_header, &QHeaderView::sectionCountChanged, this, &TableStateHelper::columnsArrived);
    // What the user changes is their layout from then on (kept across a sign-out, when the
    // models and so the columns go away).
    connect(this, &TableStateHelper::stateChanged, this, [this] {
        if (m_header->count() > 0 && !m_fitting)
            m_layout = m_header->saveState();
    });
    // A press on the header is the user arranging the columns: their layout wins over fitting.
    m_header->viewport()->installEventFilter(this);

    m_copy = new QAction(tr("&Copy selected rows"), view);
    m_copy->setObjectName(u"actionCopyRows"_s);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setToolTip(tr("Copy the selected rows as tab-separated text"));
    connect(m_copy, &QAction::triggered, this, &TableStateHelper::copySelectedRows);
    view->addAction(m_copy);
}

QByteArray TableStateHelper::saveState() const
{
    return m_header->count() > 0 ? m_header->saveState() : m_layout;
}

bool TableStateHelper::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return false;
    if (m_header->count() == 0) {
        // Checked now, on a header of its own, so that foreign bytes are refused at once.
        QHeaderView probe(m_header->orientation());
        if (!probe.restoreState(state))
            return false;
        m_layout = state;
        m_userLayout = true;
        return true;
    }
    const QByteArray before = m_header->saveState();
    if (m_header->restoreState(state)) {
        m_layout = state;
        m_userLayout = true;
        return true;
    }
    m_header->restoreState(before);
    return false;
}

void TableStateHelper::columnsArrived(int oldCount, int newCount)
{
    // The header has the model before the view does (QTableView and QTreeView set it first).
    watch(m_header->model());
    if (oldCount == 0 && newCount > 0 && !m_layout.isEmpty())
        m_header->restoreState(m_layout);
}

void TableStateHelper::watch(QAbstractItemModel *model)
{
    if (model == m_watched)
        return;
    if (m_watched)
        disconnect(m_watched, nullptr, this, nullptr);
    m_watched = model;
    m_fitPending = true;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_fitPending = true;
        if (m_watched->rowCount() > 0)
            rowsArrived({}, 0, m_watched->rowCount() - 1);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &TableStateHelper::rowsArrived);
}

void TableStateHelper::rowsArrived(const QModelIndex &parent, int first, int last)
{
    if (m_userLayout)
        return;
    // A new model's (or a reset's) first rows set the widths; later pages only widen them, so
    // that a column never jumps narrower under the reader. Only the rows that came are measured
    // then: measuring a column measures up to a thousand rows, on every page of a long day.
    if (!parent.isValid()) {
        m_arrived = m_arrived.isEmpty()
            ? Rows {first, last}
            : Rows {std::min(first, m_arrived.first), std::max(last, m_arrived.last)};
    } else {
        m_arrivedInChildren = true;
    }
    if (m_fitQueued)
        return;
    m_fitQueued = true;
    const bool growOnly = !m_fitPending || parent.isValid();
    if (!parent.isValid())
        m_fitPending = false;
    // After the view itself has taken the rows in (it may hear of them after this helper).
    QTimer::singleShot(0, this, [this, growOnly] {
        m_fitQueued = false;
        const Rows arrived = std::exchange(m_arrived, {});
        if (growOnly && !std::exchange(m_arrivedInChildren, false))
            widen(arrived);
        else
            fit(growOnly);
    });
}

void TableStateHelper::fitColumns()
{
    fit(false);
}

int TableStateHelper::widthCap() const
{
    return m_view->fontMetrics().averageCharWidth() * 40;
}

void TableStateHelper::fit(bool growOnly)
{
    if (m_userLayout || !m_view->model())
        return;
    const QScopedValueRollback fitting(m_fitting, true);
    const int cap = widthCap();
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column))
            continue;
        const int wanted =
            std::max(m_view->sizeHintForColumn(column), m_header->sectionSizeHint(column));
        const int width = std::min(wanted, cap);
        if (!growOnly || width > m_header->sectionSize(column))
            m_header->resizeSection(column, width);
    }
}

void TableStateHelper::widen(Rows rows)
{
    const QAbstractItemModel *model = m_view->model();
    if (m_userLayout || !model || rows.isEmpty() || rows.first >= model->rowCount())
        return;
    const QScopedValueRollback fitting(m_fitting, true);
    // A page's worth at most: the rows of one arrival, not a whole list reset.
    const QList<int> widths =
        textWidths(*m_view, *m_header, rows.first, std::min(rows.last, rows.first + 199));
    const int cap = widthCap();
    for (int column = 0; column < widths.size(); ++column) {
        const int width = std::min(widths.at(column), cap);
        if (width > m_header->sectionSize(column))
            m_header->resizeSection(column, width);
    }
}

QString TableStateHelper::selectedRowsText() const
{
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (!selection || !m_view->model())
        return {};
    QModelIndexList rows = selection->selectedRows();
    if (rows.isEmpty()) {
        // Cell selections still name their rows.
        for (const QModelIndex &index : selection->selectedIndexes()) {
            const QModelIndex first = index.siblingAtColumn(0);
            if (!rows.contains(first))
                rows.append(first);
        }
    }
    // In the order shown, whatever order they were selected in.
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_view->visualRect(a).top() < m_view->visualRect(b).top();
    });

    QList<int> columns;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical))
            columns.append(logical);
    }
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (const int column : std::as_const(columns))
            cells.append(cellText(row.siblingAtColumn(column)));
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n');
}

void TableStateHelper::copySelectedRows()
{
    const QString text = selectedRowsText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

bool TableStateHelper::eventFilter(QObject *watched, QEvent *event)
{
    // The event's type first: the filter also sees the events of a header being destroyed,
    // whose viewport() must not be called then.
    if (event->type() == QEvent::MouseButtonPress && watched == m_header->viewport())
        m_userLayout = true;
    return QObject::eventFilter(watched, event);
}

void TableStateHelper::showHeaderMenu(const QPoint &position)
{
    if (const std::unique_ptr<QMenu> menu = columnsMenu())
        menu->exec(m_header->mapToGlobal(position));
}

std::unique_ptr<QMenu> TableStateHelper::columnsMenu()
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return {};
    auto menu = std::make_unique<QMenu>(m_header);
    menu->setObjectName(u"columnsMenu"_s);
    menu->setAccessibleName(tr("Columns"));
    int shown = 0;
    for (int column = 0; column < m_header->count(); ++column)
        shown += m_header->isSectionHidden(column) ? 0 : 1;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        QAction *toggle =
            menu->addAction(model->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString());
        toggle->setCheckable(true);
        toggle->setChecked(!m_header->isSectionHidden(logical));
        // The last visible column stays: a table without columns cannot be brought back.
        toggle->setEnabled(m_header->isSectionHidden(logical) || shown > 1);
        connect(toggle, &QAction::toggled, this, [this, logical](bool visible) {
            m_header->setSectionHidden(logical, !visible);
            m_userLayout = true;
            Q_EMIT stateChanged();
        });
    }
    menu->addSeparator();
    QAction *fit = menu->addAction(tr("Fit columns to contents"));
    connect(fit, &QAction::triggered, this, [this] {
        m_header->resizeSections(QHeaderView::ResizeToContents);
        m_userLayout = true;
        Q_EMIT stateChanged();
    });
    return menu;
}

} // namespace tc
