#pragma once

#include "ExplainSearch.h"

#include <QWidget>

#include <memory>

class QLineEdit;
class QTableView;
class QTextBrowser;
class QUrl;

namespace tc {

class CatalogMatchModel;

namespace Ui {
class ExplainerWidget;
}

// Explains a catalog code, a message the customer reads out or a question the customer asks,
// offline from the compiled-in catalog and FAQ: results update while the agent types, the best
// one is selected and its details are shown (for a question, the words to say, and the branch
// or support desk when the answer sends the customer there). Keys: Down moves from the query
// into the results, Up on the first result moves back, Enter chooses the current result.
class ExplainerWidget final : public QWidget
{
    Q_OBJECT

public:
    // The catalog (and the FAQ) must outlive the widget; the first form uses the built-in FAQ.
    explicit ExplainerWidget(const ErrorCatalog &catalog, QWidget *parent = nullptr);
    ExplainerWidget(const ErrorCatalog &catalog, const Faq &faq, QWidget *parent = nullptr);
    ~ExplainerWidget() override;

    void setQuery(const QString &text);
    // Shows a catalog code (e.g. from the customer's attempts) with the questions about it.
    void explainCode(const QString &code);

    // The institution's support desk as the sign-in answer gives it (StaffSession::supportDesk),
    // shown with answers that send the customer to their branch or the support desk; empty
    // when the server names none.
    void setSupportDesk(const QString &text);
    // The branch of the customer on the phone ("三宮支店 (002)"), shown with answers that send
    // the customer to their branch; empty when no customer is open.
    void setCustomerBranch(const QString &branchLabel);

    const CatalogEntry *currentEntry() const;
    const FaqEntry *currentFaqEntry() const;
    CatalogMatchModel *model() const { return m_model; }
    QLineEdit *queryEdit() const;
    QTableView *resultsView() const;
    QTextBrowser *detailsView() const;
    QString stateText() const;

    // The details of a catalog entry as HTML, in the UI language.
    static QString detailsHtml(const CatalogEntry &entry);
    // The details of an FAQ answer as HTML, in the UI language, with the Japanese words to say.
    QString detailsHtml(const FaqEntry &entry) const;

Q_SIGNALS:
    void entryChosen(const QString &code);
    void questionChosen(const QString &faqId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ExplainerWidget)

    void search(const QString &text);
    void showRow(int row);
    void chooseCurrent();
    void openLink(const QUrl &link);

    std::unique_ptr<Ui::ExplainerWidget> m_ui;
    ExplainSearch m_search;
    CatalogMatchModel *m_model = nullptr;
    QString m_supportDesk;
    QString m_customerBranch;
};

} // namespace tc
