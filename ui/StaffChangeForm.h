#pragma once

#include "Protocol.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace tc::client {
struct ClientError;
}

namespace tc {

namespace Ui {
class StaffChangeForm;
}

// The required reason of a staff change (clearing a lock early, revoking a linkage): how the
// customer's identity was confirmed — at the counter with a document seen, on the phone with a
// passed caller check, or other — and a free text. Choices the staff member's role may not use
// (core/StaffPermissions.h identityProofFor) are disabled with a tooltip that says why, as is
// the phone choice until a passed caller check of the customer is at hand. complete() says when
// the server would accept it.
class StaffChangeForm final : public QWidget
{
    Q_OBJECT

public:
    explicit StaffChangeForm(QWidget *parent = nullptr);
    ~StaffChangeForm() override;

    // "teller", "support" or "supervisor".
    void setStaffRole(const QString &role);
    // The id of a caller check of this customer that passed and has not expired; empty: none.
    void setCallerCheckId(const QString &checkId);
    QString callerCheckId() const { return m_callerCheckId; }

    // Puts the keyboard focus where the agent starts: the first choice left to make (how, which
    // document), else the reason.
    void focusFirstInput();

    bool isComplete() const;
    // What is still missing before the change can be sent, one sentence; empty when complete.
    QString missingText() const;
    protocol::StaffChange change() const;

    // The error of a refused or failed change as one sentence for staff: the refusals a change
    // meets (S07, S09, S10, S11, S13) in words of the dialog, others as ClientError says them.
    static QString refusalText(const client::ClientError &error);

    QRadioButton *counterChoice() const;
    QRadioButton *phoneChoice() const;
    QRadioButton *otherChoice() const;
    QComboBox *documentCombo() const;
    QLineEdit *reasonEdit() const;

Q_SIGNALS:
    void completeChanged(bool complete);

private:
    Q_DISABLE_COPY_MOVE(StaffChangeForm)

    void updateChoices();
    void updateState();

    std::unique_ptr<Ui::StaffChangeForm> m_ui;
    QString m_role;
    QString m_callerCheckId;
    bool m_complete = false;
};

} // namespace tc
