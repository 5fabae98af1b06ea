#include "ExplainerWidget.h"

#include "CatalogMatchModel.h"
#include "ErrorCatalog.h"
#include "UiLanguage.h"
#include "ui_ExplainerWidget.h"

#include <QHeaderView>
#include <QKeyEvent>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

constexpr int maxResults = 8;

QString section(const QString &title, const QString &body)
{
    return u"<h4>"_s % title.toHtmlEscaped() % u"</h4><p>"_s % body.toHtmlEscaped() % u"</p>"_s;
}

} // namespace

ExplainerWidget::ExplainerWidget(const ErrorCatalog &catalog, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ExplainerWidget>()), m_catalog(catalog),
      m_model(new CatalogMatchModel(this))
{
    m_ui->setupUi(this);
    m_ui->resultsView->setModel(m_model);
    QHeaderView *header = m_ui->resultsView->horizontalHeader();
    header->setSectionResizeMode(CatalogMatchModel::CodeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CatalogMatchModel::ScreenColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CatalogMatchModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CatalogMatchModel::ScoreColumn, QHeaderView::ResizeToContents);
    // A handful of results need little room; the details are what staff read out from.
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setSizes({150, 450});
    setFocusProxy(m_ui->queryEdit);

    m_ui->queryEdit->installEventFilter(this);
    m_ui->resultsView->installEventFilter(this);

    connect(m_ui->queryEdit, &QLineEdit::textChanged, this, &ExplainerWidget::search);
    connect(m_ui->resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showEntry(m_model->entryAt(current.row())); });

    search({});
}

ExplainerWidget::~ExplainerWidget() = default;

void ExplainerWidget::setQuery(const QString &text)
{
    m_ui->queryEdit->setText(text);
}

const CatalogEntry *ExplainerWidget::currentEntry() const
{
    return m_model->entryAt(m_ui->resultsView->currentIndex().row());
}

QLineEdit *ExplainerWidget::queryEdit() const
{
    return m_ui->queryEdit;
}

QTableView *ExplainerWidget::resultsView() const
{
    return m_ui->resultsView;
}

QTextBrowser *ExplainerWidget::detailsView() const
{
    return m_ui->detailsView;
}

QString ExplainerWidget::stateText() const
{
    return m_ui->stateLabel->text();
}

void ExplainerWidget::search(const QString &text)
{
    const QString query = text.trimmed();
    QList<CatalogMatch> matches;
    if (!query.isEmpty()) {
        // A code typed in full is the answer; message matches follow it for context.
        const CatalogEntry *exact = m_catalog.find(query);
        if (exact)
            matches.append({exact, 1.0});
        for (const CatalogMatch &match : m_catalog.matchMessage(query, maxResults)) {
            if (match.entry != exact)
                matches.append(match);
        }
        if (matches.size() > maxResults)
            matches.resize(maxResults);
    }
    m_model->setMatches(matches);

    if (query.isEmpty())
        m_ui->stateLabel->setText(tr("Type a code such as B84, or the message the customer reads "
                                     "out (partial text, kana and full-width characters work)."));
    else if (matches.isEmpty())
        m_ui->stateLabel->setText(
            tr("No catalog message resembles “%1”. Check the code, or ask the customer to read "
               "the message again word for word.")
                .arg(query));
    else
        m_ui->stateLabel->setText(tr("%n match(es), best first.", nullptr, int(matches.size())));

    if (matches.isEmpty()) {
        showEntry(nullptr);
    } else {
        const QModelIndex first = m_model->index(0, 0);
        m_ui->resultsView->selectionModel()->setCurrentIndex(
            first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        showEntry(m_model->entryAt(0));
    }
}

void ExplainerWidget::showEntry(const CatalogEntry *entry)
{
    if (!entry) {
        m_ui->detailsView->clear();
        return;
    }
    m_ui->detailsView->setHtml(detailsHtml(*entry));
}

QString ExplainerWidget::detailsHtml(const CatalogEntry &entry)
{
    const UiLanguage language = currentUiLanguage();
    QString heading = entry.code;
    if (!entry.screen.isEmpty())
        heading = tr("%1 (screen %2)").arg(entry.code, entry.screen);

    // The customer reads Japanese: staff see the exact wording in both languages of the UI.
    QString message = entry.customerMessage.toHtmlEscaped();
    message.replace(u'\n', u"<br>"_s);
    QString html = u"<h3>"_s % heading.toHtmlEscaped() % u"</h3><h4>"_s
        % tr("Message the customer sees").toHtmlEscaped() % u"</h4><p><b>"_s % message
        % u"</b></p>"_s;
    if (language == UiLanguage::English && !entry.customerMessageEn.isEmpty())
        html += u"<p><i>"_s % entry.customerMessageEn.toHtmlEscaped() % u"</i></p>"_s;

    html += section(tr("What it means"), staffText(entry.meaning, language));
    html += section(tr("Usual cause"), staffText(entry.cause, language));
    html += section(tr("What to tell the customer"), staffText(entry.tellCustomer, language));

    QString counting;
    switch (entry.counts) {
    case LockCounting::None:
        counting = tr("No: this message does not count toward a lock.");
        break;
    case LockCounting::Identity:
        counting = tr("Yes: counts toward the identity lock (customer data, screen ②). After "
                      "the set number of failures in a day, linkage is locked until 00:00.");
        break;
    case LockCounting::Pin:
        counting = tr("Yes: counts toward the cash card PIN lock (screen ⑤). It locks API "
                      "linkage authentication only, never ATM or other transactions.");
        break;
    }
    html += section(tr("Counts toward a lock"), counting);
    return html;
}

void ExplainerWidget::chooseCurrent()
{
    QTableView *view = m_ui->resultsView;
    if (m_model->rowCount() == 0)
        return;
    if (!view->currentIndex().isValid())
        view->setCurrentIndex(m_model->index(0, 0));
    if (const CatalogEntry *entry = currentEntry()) {
        showEntry(entry);
        Q_EMIT entryChosen(entry->code);
    }
}

bool ExplainerWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    QTableView *view = m_ui->resultsView;

    if (watched == m_ui->queryEdit) {
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (m_model->rowCount() > 0) {
                if (!view->currentIndex().isValid())
                    view->setCurrentIndex(m_model->index(0, 0));
                view->setFocus(Qt::TabFocusReason);
                return true;
            }
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            chooseCurrent();
            return true;
        case Qt::Key_Escape:
            if (!m_ui->queryEdit->text().isEmpty()) {
                m_ui->queryEdit->clear();
                return true;
            }
            break;
        default:
            break;
        }
    } else if (watched == view) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            chooseCurrent();
            return true;
        case Qt::Key_Up:
            if (view->currentIndex().row() <= 0) {
                m_ui->queryEdit->setFocus(Qt::BacktabFocusReason);
                return true;
            }
            break;
        case Qt::Key_Escape:
            m_ui->queryEdit->setFocus(Qt::BacktabFocusReason);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tc
