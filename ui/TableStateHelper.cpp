#include "TableStateHelper.h"

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>
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
    connect(m_header, &QHeaderView::sectionMoved, this, &TableStateHelper::stateChanged);
    connect(m_header, &QHeaderView::sortIndicatorChanged, this, &TableStateHelper::stateChanged);

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
    return m_header->saveState();
}

bool TableStateHelper::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return false;
    const QByteArray before = m_header->saveState();
    if (m_header->restoreState(state))
        return true;
    m_header->restoreState(before);
    return false;
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

void TableStateHelper::showHeaderMenu(const QPoint &position)
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return;
    QMenu menu(m_header);
    menu.setObjectName(u"columnsMenu"_s);
    menu.setAccessibleName(tr("Columns"));
    int shown = 0;
    for (int column = 0; column < m_header->count(); ++column)
        shown += m_header->isSectionHidden(column) ? 0 : 1;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        QAction *toggle =
            menu.addAction(model->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString());
        toggle->setCheckable(true);
        toggle->setChecked(!m_header->isSectionHidden(logical));
        // The last visible column stays: a table without columns cannot be brought back.
        toggle->setEnabled(m_header->isSectionHidden(logical) || shown > 1);
        connect(toggle, &QAction::toggled, this, [this, logical](bool visible) {
            m_header->setSectionHidden(logical, !visible);
            Q_EMIT stateChanged();
        });
    }
    menu.addSeparator();
    QAction *fit = menu.addAction(tr("Fit columns to contents"));
    connect(fit, &QAction::triggered, this, [this] {
        m_header->resizeSections(QHeaderView::ResizeToContents);
        Q_EMIT stateChanged();
    });
    menu.exec(m_header->mapToGlobal(position));
}

} // namespace tc
