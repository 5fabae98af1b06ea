#pragma once

#include "Clock.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tc {

namespace client {
struct ClientError;
}

class CallerCheckState;

namespace Ui {
class CallerCheckPanel;
}

// The caller check tab (Ctrl+8) of support staff and tellers: what the caller on the phone says
// (name in kana, birth date, registered phone, optionally the account) is checked against the
// customer open on the desk. Each field's result shows as a mark and a word, never by colour
// alone; a passed check's validity counts down, since Clear lock and Revoke send its id only
// while it is valid. A refusal (too many checks: S12) is said in plain words.
class CallerCheckPanel final : public QWidget
{
    Q_OBJECT

public:
    // `state` must outlive the panel.
    CallerCheckPanel(CallerCheckState *state, Clock clock, QWidget *parent = nullptr);
    ~CallerCheckPanel() override;

    // The customer open on the desk (0: none) and how to name them to the agent.
    void setCustomer(qint64 customerId, const QString &name);
    qint64 customerId() const { return m_customerId; }

    QLineEdit *nameKanaEdit() const;
    QLineEdit *birthDateEdit() const;
    QLineEdit *phoneEdit() const;
    QLineEdit *branchCodeEdit() const;
    QLineEdit *accountNumberEdit() const;
    QPushButton *checkButton() const;
    // What the agent reads: per field (name, birth date, phone, account), the outcome line and
    // the validity line.
    QStringList fieldResultTexts() const;
    QString outcomeText() const;
    QString validityText() const;

public Q_SLOTS:
    void runCheck();
    void clearFields();

protected:
    void showEvent(QShowEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(CallerCheckPanel)

    void showLatest();
    void showFailure(qint64 customerId, const client::ClientError &error);
    void showValidity();
    void updateCheckButton();
    void clearFieldResults();
    bool anyFieldGiven() const;
    QList<QLabel *> resultLabels() const;

    std::unique_ptr<Ui::CallerCheckPanel> m_ui;
    QPointer<CallerCheckState> m_state;
    Clock m_clock;
    qint64 m_customerId = 0;
    QTimer m_countdown;
};

} // namespace tc
