#include "ExplainerWidget.h"

#include "CatalogMatchModel.h"
#include "UiLanguage.h"
#include "ui_ExplainerWidget.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

constexpr int maxResults = 8;
// Related codes in an answer's details are links the agent can follow to the code.
constexpr auto codeLinkScheme = "code"_L1;

QString section(const QString &title, const QString &body)
{
    return u"<h4>"_s % title.toHtmlEscaped() % u"</h4><p>"_s % body.toHtmlEscaped() % u"</p>"_s;
}

// Seed texts keep their line breaks (lists of steps and service windows).
QString multiline(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

} // namespace

ExplainerWidget::ExplainerWidget(const ErrorCatalog &catalog, QWidget *parent)
    : ExplainerWidget(catalog, Faq::builtIn(), parent)
{ }

ExplainerWidget::ExplainerWidget(const ErrorCatalog &catalog, const Faq &faq, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ExplainerWidget>()), m_search(catalog, faq),
      m_model(new CatalogMatchModel(this))
{
    m_ui->setupUi(this);
    m_ui->resultsView->setModel(m_model);
    QHeaderView *header = m_ui->resultsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CatalogMatchModel::TextColumn, QHeaderView::Stretch);
    // A handful of results need little room; the details are what staff read out from.
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setSizes({150, 450});
    setFocusProxy(m_ui->queryEdit);

    m_ui->queryEdit->installEventFilter(this);
    m_ui->resultsView->installEventFilter(this);

    connect(m_ui->queryEdit, &QLineEdit::textChanged, this, &ExplainerWidget::search);
    connect(m_ui->resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current.row()); });
    connect(m_ui->detailsView, &QTextBrowser::anchorClicked, this, &ExplainerWidget::openLink);

    search({});
}

ExplainerWidget::~ExplainerWidget() = default;

void ExplainerWidget::setQuery(const QString &text)
{
    m_ui->queryEdit->setText(text);
}

void ExplainerWidget::explainCode(const QString &code)
{
    setQuery(code.trimmed());
}

void ExplainerWidget::setSupportDesk(const QString &text)
{
    if (m_supportDesk == text)
        return;
    m_supportDesk = text;
    showRow(m_ui->resultsView->currentIndex().row());
}

void ExplainerWidget::setCustomerBranch(const QString &branchLabel)
{
    if (m_customerBranch == branchLabel)
        return;
    m_customerBranch = branchLabel;
    showRow(m_ui->resultsView->currentIndex().row());
}

const CatalogEntry *ExplainerWidget::currentEntry() const
{
    return m_model->entryAt(m_ui->resultsView->currentIndex().row());
}

const FaqEntry *ExplainerWidget::currentFaqEntry() const
{
    return m_model->faqEntryAt(m_ui->resultsView->currentIndex().row());
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
    const QList<ExplainHit> hits = m_search.search(query, maxResults);
    m_model->setHits(hits);

    if (query.isEmpty())
        m_ui->stateLabel->setText(
            tr("Type a code such as B84, the message the customer reads out, or the customer's "
               "question (partial text, kana and full-width characters work)."));
    else if (hits.isEmpty())
        m_ui->stateLabel->setText(
            tr("Nothing in the catalog or the FAQ resembles “%1”. Check the code, ask the "
               "customer to read the message again word for word, or try other words for the "
               "question.")
                .arg(query));
    else
        m_ui->stateLabel->setText(tr("%n match(es), best first.", nullptr, int(hits.size())));

    if (hits.isEmpty()) {
        showRow(-1);
    } else {
        const QModelIndex first = m_model->index(0, 0);
        m_ui->resultsView->selectionModel()->setCurrentIndex(
            first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        showRow(0);
    }
}

void ExplainerWidget::showRow(int row)
{
    if (const CatalogEntry *entry = m_model->entryAt(row))
        m_ui->detailsView->setHtml(detailsHtml(*entry));
    else if (const FaqEntry *faq = m_model->faqEntryAt(row))
        m_ui->detailsView->setHtml(detailsHtml(*faq));
    else
        m_ui->detailsView->clear();
}

QString ExplainerWidget::detailsHtml(const CatalogEntry &entry)
{
    const UiLanguage language = currentUiLanguage();
    QString heading = entry.code;
    if (!entry.screen.isEmpty())
        heading = tr("%1 (screen %2)").arg(entry.code, entry.screen);

    // The customer reads Japanese: staff see the exact wording in both languages of the UI.
    QString html = u"<h3>"_s % heading.toHtmlEscaped() % u"</h3><h4>"_s
        % tr("Message the customer sees").toHtmlEscaped() % u"</h4><p><b>"_s
        % multiline(entry.customerMessage) % u"</b></p>"_s;
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

QString ExplainerWidget::detailsHtml(const FaqEntry &entry) const
{
    const UiLanguage language = currentUiLanguage();
    const bool english = language == UiLanguage::English;

    // The question as the customer asks it (Japanese), with the staff's language beside it.
    QString html = u"<h3>"_s % tr("Question").toHtmlEscaped() % u"</h3><p><b>"_s
        % multiline(entry.question.ja) % u"</b></p>"_s;
    if (english)
        html += u"<p><i>"_s % multiline(entry.question.en) % u"</i></p>"_s;

    // The customer hears Japanese: the words to say are always the Japanese ones.
    html += u"<h4>"_s % tr("Words to say").toHtmlEscaped() % u"</h4><p><b>"_s
        % multiline(entry.answer.ja) % u"</b></p>"_s;
    if (english)
        html += u"<p><i>"_s % multiline(entry.answer.en) % u"</i></p>"_s;

    if (entry.referTo != FaqReferral::None) {
        QStringList lines;
        if (entry.referTo == FaqReferral::Branch) {
            lines.append(m_customerBranch.isEmpty()
                             ? tr("Customer's branch: the branch holding the customer's account "
                                  "(open the customer to see which).")
                             : tr("Customer's branch: %1").arg(m_customerBranch));
        }
        lines.append(m_supportDesk.isEmpty()
                         ? tr("Support desk: not configured for this institution.")
                         : tr("Support desk: %1").arg(m_supportDesk));
        QString body;
        for (const QString &line : lines)
            body += u"<p>"_s % line.toHtmlEscaped() % u"</p>"_s;
        html += u"<h4>"_s % tr("Send the customer to").toHtmlEscaped() % u"</h4>"_s % body;
    }

    if (!entry.staffNote.ja.isEmpty())
        html += section(tr("Note for staff"), staffText(entry.staffNote, language));

    if (!entry.relatedCodes.isEmpty()) {
        QStringList links;
        for (const QString &code : entry.relatedCodes) {
            links.append(u"<a href=\"%1:%2\">%2</a>"_s.arg(codeLinkScheme, code.toHtmlEscaped()));
        }
        html += u"<h4>"_s % tr("Related codes").toHtmlEscaped() % u"</h4><p>"_s
            % links.join(u", "_s) % u"</p>"_s;
    }

    // Where the other manual answers differently (another app's steps, for instance).
    for (const FaqSeedWording &seed : entry.alsoInSeeds) {
        if (!seed.answer.isEmpty() && seed.answer != entry.answer.ja) {
            html += u"<h4>"_s % tr("As %1 answers it").arg(seed.source).toHtmlEscaped()
                % u"</h4><p>"_s % multiline(seed.answer) % u"</p>"_s;
        }
    }

    QString origin = tr("Source: %1.").arg(entry.source);
    if (!entry.questionFromSeeds)
        origin += u' ' % tr("Question worded by us.");
    if (!entry.answerFromSeeds)
        origin += u' ' % tr("Answer worded by us.");
    html += u"<p><small>"_s % origin.toHtmlEscaped() % u"</small></p>"_s;
    return html;
}

void ExplainerWidget::openLink(const QUrl &link)
{
    if (link.scheme() == codeLinkScheme)
        explainCode(link.path());
}

void ExplainerWidget::chooseCurrent()
{
    QTableView *view = m_ui->resultsView;
    if (m_model->rowCount() == 0)
        return;
    if (!view->currentIndex().isValid())
        view->setCurrentIndex(m_model->index(0, 0));
    const int row = view->currentIndex().row();
    showRow(row);
    if (const CatalogEntry *entry = m_model->entryAt(row))
        Q_EMIT entryChosen(entry->code);
    else if (const FaqEntry *faq = m_model->faqEntryAt(row))
        Q_EMIT questionChosen(faq->id);
}

void ExplainerWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        const int row = m_ui->resultsView->currentIndex().row();
        search(m_ui->queryEdit->text());
        if (row >= 0 && row < m_model->rowCount())
            m_ui->resultsView->setCurrentIndex(m_model->index(row, 0));
    }
    QWidget::changeEvent(event);
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
