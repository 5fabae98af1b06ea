#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTreeView;

namespace tc {

namespace Ui {
class SearchWidget;
}

// The customer search box and its results (after KeePassXC's SearchWidget): it owns its keys.
// Typing searches after a short pause; Down moves into the results and Up on the first result
// back; Enter opens the current result (or, typed before the answer arrived, the first one
// when it does); Esc clears. It does not know how a search is made: it asks for one with
// searchRequested() and shows the model it is given.
class SearchWidget final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int debounceMs = 250;

    explicit SearchWidget(QWidget *parent = nullptr);
    ~SearchWidget() override;

    // The results (one customer per row); the widget does not own it.
    void setModel(QAbstractItemModel *model);

    QLineEdit *searchEdit() const;
    QTreeView *resultsView() const;
    QString text() const;
    // A short line under the box: "3 customers", "Searching…", an error.
    void setStateText(const QString &text);
    QString stateText() const;

public Q_SLOTS:
    // Ctrl+K: focus the box with its text selected, so typing replaces it.
    void focusSearch();
    void clear();

Q_SIGNALS:
    // After the pause (or at once on Enter); empty when cleared.
    void searchRequested(const QString &text);
    void customerActivated(const QModelIndex &index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(SearchWidget)

    void textEdited();
    void searchNow();
    void resultsChanged();
    void activate(const QModelIndex &index);
    void activateCurrentOrFirst();

    std::unique_ptr<Ui::SearchWidget> m_ui;
    QTimer m_debounce;
    bool m_activateWhenAnswered = false;
};

} // namespace tc
