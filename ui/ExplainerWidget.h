#pragma once

#include <QWidget>

#include <memory>

class QLineEdit;
class QTableView;
class QTextBrowser;

namespace tc {

class CatalogMatchModel;
class ErrorCatalog;
struct CatalogEntry;

namespace Ui {
class ExplainerWidget;
}

// Explains a catalog code or a message the customer reads out, offline from the compiled-in
// catalog: results update while the agent types, the best one is selected and its staff texts
// are shown. Keys: Down moves from the query into the results, Up on the first result moves
// back, Enter chooses the current result.
class ExplainerWidget final : public QWidget
{
    Q_OBJECT

public:
    // The catalog must outlive the widget.
    explicit ExplainerWidget(const ErrorCatalog &catalog, QWidget *parent = nullptr);
    ~ExplainerWidget() override;

    void setQuery(const QString &text);

    const CatalogEntry *currentEntry() const;
    CatalogMatchModel *model() const { return m_model; }
    QLineEdit *queryEdit() const;
    QTableView *resultsView() const;
    QTextBrowser *detailsView() const;
    QString stateText() const;

    // The details of an entry as HTML, in the UI language.
    static QString detailsHtml(const CatalogEntry &entry);

Q_SIGNALS:
    void entryChosen(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ExplainerWidget)

    void search(const QString &text);
    void showEntry(const CatalogEntry *entry);
    void chooseCurrent();

    std::unique_ptr<Ui::ExplainerWidget> m_ui;
    const ErrorCatalog &m_catalog;
    CatalogMatchModel *m_model = nullptr;
};

} // namespace tc
