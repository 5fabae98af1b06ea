#include "StaffChangeForm.h"

#include "AttemptLabels.h"
#include "ClientError.h"
#include "StaffPermissions.h"
#include "ui_StaffChangeForm.h"

#include <QComboBox>
#include <QLineEdit>
#include <QRadioButton>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// Unchecks a radio button of an exclusive group (Qt keeps one checked otherwise).
void uncheck(QRadioButton *button)
{
    if (!button->isChecked())
        return;
    button->setAutoExclusive(false);
    button->setChecked(false);
    button->setAutoExclusive(true);
}

// Enables a choice, or disables it with the reason as its tooltip.
void offer(QRadioButton *choice, const QString &whyNot)
{
    choice->setEnabled(whyNot.isEmpty());
    choice->setToolTip(whyNot);
    if (!whyNot.isEmpty())
        uncheck(choice);
}

} // namespace

StaffChangeForm::StaffChangeForm(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::StaffChangeForm>())
{
    m_ui->setupUi(this);
    // The documents of the card; the wire names are protocol::StaffChange::identityDocuments().
    m_ui->documentCombo->addItem(tr("Choose the document…"), QString());
    for (const QString &document : protocol::StaffChange::identityDocuments())
        m_ui->documentCombo->addItem(identityDocumentLabel(document), document);
    for (QRadioButton *choice : {m_ui->counterChoice, m_ui->phoneChoice, m_ui->otherChoice})
        connect(choice, &QRadioButton::toggled, this, &StaffChangeForm::updateState);
    connect(m_ui->documentCombo, &QComboBox::currentIndexChanged, this,
            &StaffChangeForm::updateState);
    connect(m_ui->reasonEdit, &QLineEdit::textChanged, this, &StaffChangeForm::updateState);
    updateChoices();
}

StaffChangeForm::~StaffChangeForm() = default;

void StaffChangeForm::setStaffRole(const QString &role)
{
    m_role = role;
    updateChoices();
}

void StaffChangeForm::setCallerCheckId(const QString &checkId)
{
    m_callerCheckId = checkId;
    updateChoices();
}

void StaffChangeForm::updateChoices()
{
    using permissions::IdentityProof;
    const IdentityProof proof = permissions::identityProofFor(m_role);
    offer(m_ui->counterChoice,
          proof == IdentityProof::CallerCheck
              ? tr("Support staff confirm a caller's identity with a caller check, not a "
                   "document.")
              : QString());
    offer(m_ui->phoneChoice,
          m_callerCheckId.isEmpty()
              ? tr("No passed caller check of this customer in the last 10 minutes: run the "
                   "caller check first (Ctrl+8).")
              : QString());
    QString otherWhyNot;
    if (proof == IdentityProof::DocumentOrCallerCheck)
        otherWhyNot = tr("Tellers record the identity document they saw or a passed caller "
                         "check.");
    else if (proof == IdentityProof::CallerCheck)
        otherWhyNot = tr("Support staff act only after a passed caller check of the customer.");
    offer(m_ui->otherChoice, otherWhyNot);
    // The only choice left is the one to take.
    const QList<QRadioButton *> enabled = [this] {
        QList<QRadioButton *> choices;
        for (QRadioButton *choice : {m_ui->counterChoice, m_ui->phoneChoice, m_ui->otherChoice})
            if (choice->isEnabled())
                choices.append(choice);
        return choices;
    }();
    if (enabled.size() == 1)
        enabled.constFirst()->setChecked(true);
    updateState();
}

void StaffChangeForm::updateState()
{
    const bool counter = m_ui->counterChoice->isChecked();
    m_ui->documentCombo->setEnabled(counter);
    m_ui->documentLabel->setEnabled(counter);
    const QString missing = missingText();
    m_ui->missingLabel->setText(missing);
    m_ui->missingLabel->setVisible(!missing.isEmpty());
    const bool complete = missing.isEmpty();
    if (complete != m_complete) {
        m_complete = complete;
        Q_EMIT completeChanged(complete);
    }
}

void StaffChangeForm::focusFirstInput()
{
    QWidget *first = m_ui->reasonEdit;
    const QList<QRadioButton *> choices {m_ui->counterChoice, m_ui->phoneChoice, m_ui->otherChoice};
    const bool chosen = std::any_of(choices.cbegin(), choices.cend(),
                                    [](const QRadioButton *choice) { return choice->isChecked(); });
    if (!chosen) {
        const auto offered =
            std::find_if(choices.cbegin(), choices.cend(),
                         [](const QRadioButton *choice) { return choice->isEnabled(); });
        if (offered != choices.cend())
            first = *offered;
    } else if (m_ui->counterChoice->isChecked()
               && m_ui->documentCombo->currentData().toString().isEmpty()) {
        first = m_ui->documentCombo;
    }
    first->setFocus(Qt::OtherFocusReason);
}

bool StaffChangeForm::isComplete() const
{
    return missingText().isEmpty();
}

QString StaffChangeForm::missingText() const
{
    const bool anyChoice = m_ui->counterChoice->isEnabled() || m_ui->phoneChoice->isEnabled()
        || m_ui->otherChoice->isEnabled();
    if (!anyChoice)
        return tr("Run a caller check of this customer first (Ctrl+8): support staff act only "
                  "after a passed check.");
    if (!m_ui->counterChoice->isChecked() && !m_ui->phoneChoice->isChecked()
        && !m_ui->otherChoice->isChecked())
        return tr("Choose how the customer's identity was confirmed.");
    if (m_ui->counterChoice->isChecked() && m_ui->documentCombo->currentData().toString().isEmpty())
        return tr("Choose the identity document you saw.");
    if (m_ui->reasonEdit->text().trimmed().isEmpty())
        return tr("Type the reason.");
    return {};
}

protocol::StaffChange StaffChangeForm::change() const
{
    protocol::StaffChange change {.reason = m_ui->reasonEdit->text().trimmed()};
    if (m_ui->counterChoice->isChecked()) {
        change.reasonKind = u"counter_document"_s;
        change.identityDocument = m_ui->documentCombo->currentData().toString();
    } else if (m_ui->phoneChoice->isChecked()) {
        change.reasonKind = u"phone_caller_check"_s;
        change.callerCheckId = m_callerCheckId;
    } else if (m_ui->otherChoice->isChecked()) {
        change.reasonKind = u"other"_s;
    }
    return change;
}

QString StaffChangeForm::refusalText(const client::ClientError &error)
{
    if (error.kind != client::ClientError::Kind::Catalog)
        return error.text();
    QString sentence;
    if (error.code == u"S05"_s)
        sentence = tr("The server needs a reason: type what the customer asked for and why.");
    else if (error.code == u"S07"_s)
        sentence = tr("A request to clear this lock is already waiting for a supervisor's "
                      "approval; nothing new was sent.");
    else if (error.code == u"S09"_s)
        sentence = tr("This lock is not on any more (a colleague cleared it, or it ended at "
                      "midnight); nothing was changed.");
    else if (error.code == u"S10"_s)
        sentence = tr("This had been done already (the linkage had ended); nothing was changed.");
    else if (error.code == u"S11"_s)
        sentence = tr("The server asks for a caller check of this customer that you passed in the "
                      "last 10 minutes: run the caller check (Ctrl+8), then try again.");
    else if (error.code == u"S13"_s)
        sentence = tr("The server asks how the customer's identity was confirmed: the document "
                      "seen at the counter, or a passed caller check.");
    else
        return error.text();
    return error.code + u": "_s + sentence;
}

QRadioButton *StaffChangeForm::counterChoice() const
{
    return m_ui->counterChoice;
}

QRadioButton *StaffChangeForm::phoneChoice() const
{
    return m_ui->phoneChoice;
}

QRadioButton *StaffChangeForm::otherChoice() const
{
    return m_ui->otherChoice;
}

QComboBox *StaffChangeForm::documentCombo() const
{
    return m_ui->documentCombo;
}

QLineEdit *StaffChangeForm::reasonEdit() const
{
    return m_ui->reasonEdit;
}

} // namespace tc
