#include "SearchWidget.h"

#include "TableStateHelper.h"
#include "ui_SearchWidget.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QKeyEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

SearchWidget::SearchWidget(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SearchWidget>())
{
    m_ui->setupUi(this);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchWidget::searchNow);
    connect(m_ui->searchEdit, &QLineEdit::textEdited, this, &SearchWidget::textEdited);
    // The clear button does not emit textEdited.
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            clear();
    });
    connect(m_ui->resultsView, &QTreeView::activated, this, &SearchWidget::activate);
    m_ui->searchEdit->installEventFilter(this);
    m_ui->resultsView->installEventFilter(this);
    m_ui->stateLabel->hide();
    m_ui->resultsView->hide();
    setFocusProxy(m_ui->searchEdit);
}

SearchWidget::~SearchWidget() = default;

void SearchWidget::setModel(QAbstractItemModel *model)
{
    m_ui->resultsView->setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, &SearchWidget::resultsChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SearchWidget::resultsChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SearchWidget::resultsChanged);
    // Sized once per answer by the cells' text (resultsChanged): ResizeToContents lays out every
    // cell of every column again on each layout, half the cost of showing a name search.
    m_ui->resultsView->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->resultsView->header()->setStretchLastSection(true);
}

QLineEdit *SearchWidget::searchEdit() const
{
    return m_ui->searchEdit;
}

QTreeView *SearchWidget::resultsView() const
{
    return m_ui->resultsView;
}

QString SearchWidget::text() const
{
    return m_ui->searchEdit->text().trimmed();
}

void SearchWidget::setStateText(const QString &text)
{
    m_ui->stateLabel->setText(text);
    m_ui->stateLabel->setVisible(!text.isEmpty());
}

QString SearchWidget::stateText() const
{
    return m_ui->stateLabel->text();
}

void SearchWidget::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void SearchWidget::clear()
{
    m_debounce.stop();
    m_activateWhenAnswered = false;
    if (!m_ui->searchEdit->text().isEmpty())
        m_ui->searchEdit->clear();
    setStateText({});
    Q_EMIT searchRequested({});
}

void SearchWidget::textEdited()
{
    m_activateWhenAnswered = false;
    m_debounce.start();
}

void SearchWidget::searchNow()
{
    m_debounce.stop();
    Q_EMIT searchRequested(text());
}

void SearchWidget::resultsChanged()
{
    const QAbstractItemModel *model = m_ui->resultsView->model();
    const bool any = model && model->rowCount() > 0;
    // An empty list would be an empty box: the hint stands in its place.
    m_ui->resultsView->setVisible(any);
    m_ui->hintLabel->setVisible(!any);
    if (!any)
        return;
    QTreeView *view = m_ui->resultsView;
    QHeaderView *header = view->header();
    const QList<int> widths = textWidths(*view, *header, 0, model->rowCount() - 1);
    for (int column = 0; column + 1 < widths.size(); ++column)
        header->resizeSection(column, std::max(widths.at(column), header->sectionSizeHint(column)));
    if (!view->currentIndex().isValid())
        view->setCurrentIndex(model->index(0, 0));
    if (m_activateWhenAnswered) {
        m_activateWhenAnswered = false;
        activate(model->index(0, 0));
    }
}

void SearchWidget::activate(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT customerActivated(index.siblingAtColumn(0));
}

void SearchWidget::activateCurrentOrFirst()
{
    const QAbstractItemModel *model = m_ui->resultsView->model();
    if (m_debounce.isActive() || !model || model->rowCount() == 0) {
        // Typed faster than the search (or not searched yet): search now and open the first
        // result when it arrives.
        if (text().isEmpty())
            return;
        m_activateWhenAnswered = true;
        searchNow();
        return;
    }
    const QModelIndex current = m_ui->resultsView->currentIndex();
    activate(current.isValid() ? current : model->index(0, 0));
}

bool SearchWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    QTreeView *results = m_ui->resultsView;
    const QAbstractItemModel *model = results->model();
    if (watched == m_ui->searchEdit) {
        switch (key->key()) {
        case Qt::Key_Down:
            if (model && model->rowCount() > 0) {
                results->setFocus(Qt::TabFocusReason);
                if (!results->currentIndex().isValid())
                    results->setCurrentIndex(model->index(0, 0));
                return true;
            }
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activateCurrentOrFirst();
            return true;
        case Qt::Key_Escape:
            if (!m_ui->searchEdit->text().isEmpty()) {
                clear();
                return true;
            }
            break;
        default:
            break;
        }
    } else if (watched == results) {
        switch (key->key()) {
        case Qt::Key_Up:
            if (!results->currentIndex().isValid() || results->currentIndex().row() == 0) {
                m_ui->searchEdit->setFocus(Qt::TabFocusReason);
                return true;
            }
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activate(results->currentIndex());
            return true;
        case Qt::Key_Escape:
            clear();
            m_ui->searchEdit->setFocus(Qt::TabFocusReason);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tc
