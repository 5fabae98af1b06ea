#include "CallerCheckPanel.h"

#include "CallerCheckState.h"
#include "ClientError.h"
#include "ErrorCodes.h"
#include "Protocol.h"
#include "TokyoFormat.h"
#include "ui_CallerCheckPanel.h"

#include <QShowEvent>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

using protocol::CallerCheckResult;

// A field's result as a mark and a word, so that it reads without colour.
QString fieldResultText(const QString &result)
{
    if (result == CallerCheckResult::Match)
        return CallerCheckPanel::tr("✓ Match");
    if (result == CallerCheckResult::NoMatch)
        return CallerCheckPanel::tr("✗ No match");
    if (result == CallerCheckResult::NotGiven)
        return CallerCheckPanel::tr("– Not given");
    return {};
}

} // namespace

CallerCheckPanel::CallerCheckPanel(CallerCheckState *state, Clock clock, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::CallerCheckPanel>()), m_state(state),
      m_clock(std::move(clock))
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->nameKanaEdit);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &CallerCheckPanel::runCheck);
    connect(m_ui->clearButton, &QPushButton::clicked, this, &CallerCheckPanel::clearFields);
    for (QLineEdit *edit : {m_ui->nameKanaEdit, m_ui->birthDateEdit, m_ui->phoneEdit,
                            m_ui->branchCodeEdit, m_ui->accountNumberEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &CallerCheckPanel::updateCheckButton);
        // The marks belong to what was checked: once the agent changes a field they are stale.
        connect(edit, &QLineEdit::textEdited, this, &CallerCheckPanel::clearFieldResults);
        // Enter in any field checks, as the default button would in a dialog.
        connect(edit, &QLineEdit::returnPressed, this, &CallerCheckPanel::runCheck);
    }
    if (m_state) {
        connect(m_state, &CallerCheckState::changed, this, &CallerCheckPanel::showLatest);
        connect(m_state, &CallerCheckState::checkFailed, this, &CallerCheckPanel::showFailure);
    }
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &CallerCheckPanel::showValidity);
    setCustomer(0, {});
}

CallerCheckPanel::~CallerCheckPanel() = default;

void CallerCheckPanel::setCustomer(qint64 customerId, const QString &name)
{
    if (customerId != m_customerId)
        clearFields();
    m_customerId = customerId;
    m_ui->customerLabel->setText(customerId > 0
                                     ? tr("Customer: %1").arg(name)
                                     : tr("No customer open: find the customer first (Ctrl+K)."));
    showLatest();
}

QLineEdit *CallerCheckPanel::nameKanaEdit() const
{
    return m_ui->nameKanaEdit;
}
QLineEdit *CallerCheckPanel::birthDateEdit() const
{
    return m_ui->birthDateEdit;
}
QLineEdit *CallerCheckPanel::phoneEdit() const
{
    return m_ui->phoneEdit;
}
QLineEdit *CallerCheckPanel::branchCodeEdit() const
{
    return m_ui->branchCodeEdit;
}
QLineEdit *CallerCheckPanel::accountNumberEdit() const
{
    return m_ui->accountNumberEdit;
}
QPushButton *CallerCheckPanel::checkButton() const
{
    return m_ui->checkButton;
}

QStringList CallerCheckPanel::fieldResultTexts() const
{
    QStringList texts;
    for (const QLabel *label : resultLabels())
        texts << label->text();
    return texts;
}

QString CallerCheckPanel::outcomeText() const
{
    return m_ui->outcomeLabel->text();
}
QString CallerCheckPanel::validityText() const
{
    return m_ui->validityLabel->text();
}

void CallerCheckPanel::runCheck()
{
    if (!m_state || m_customerId <= 0 || !anyFieldGiven() || m_state->isChecking())
        return;
    m_ui->outcomeLabel->setText(tr("Checking…"));
    m_state->check(m_customerId,
                   {.nameKana = m_ui->nameKanaEdit->text().trimmed(),
                    .birthDate = m_ui->birthDateEdit->text().trimmed(),
                    .phone = m_ui->phoneEdit->text().trimmed(),
                    .branchCode = m_ui->branchCodeEdit->text().trimmed(),
                    .accountNumber = m_ui->accountNumberEdit->text().trimmed()});
}

void CallerCheckPanel::clearFields()
{
    for (QLineEdit *edit : {m_ui->nameKanaEdit, m_ui->birthDateEdit, m_ui->phoneEdit,
                            m_ui->branchCodeEdit, m_ui->accountNumberEdit})
        edit->clear();
    m_ui->nameKanaEdit->setFocus(Qt::OtherFocusReason);
}

void CallerCheckPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Opened with Ctrl+8: typing starts with the name.
    if (!isAncestorOf(focusWidget()))
        m_ui->nameKanaEdit->setFocus(Qt::ShortcutFocusReason);
}

void CallerCheckPanel::showLatest()
{
    const std::optional<CallerCheckResult> latest =
        m_state && m_customerId > 0 ? m_state->latest(m_customerId) : std::nullopt;
    const QList<QLabel *> labels = resultLabels();
    const QStringList results = latest
        ? QStringList {latest->nameKana, latest->birthDate, latest->phone, latest->account}
        : QStringList {{}, {}, {}, {}};
    for (qsizetype i = 0; i < labels.size(); ++i)
        labels[i]->setText(fieldResultText(results[i]));
    if (m_state && m_state->isChecking()) {
        clearFieldResults();
        m_ui->outcomeLabel->setText(tr("Checking…"));
    } else if (!latest)
        m_ui->outcomeLabel->clear();
    else if (latest->passed)
        m_ui->outcomeLabel->setText(
            tr("✓ Passed: the caller's name, birth date and phone match the customer's."));
    else
        m_ui->outcomeLabel->setText(
            tr("✗ Not passed: what the caller said does not match the customer's data. Do not "
               "clear a lock or revoke on the caller's word."));
    showValidity();
    updateCheckButton();
}

void CallerCheckPanel::showFailure(qint64 customerId, const client::ClientError &error)
{
    if (customerId != m_customerId)
        return;
    clearFieldResults();
    if (error.code == codes::StaffCallerCheckLimited)
        m_ui->outcomeLabel->setText(
            tr("✗ Refused: too many caller checks in the last hour (%1). Do not clear a lock or "
               "revoke on the phone now; ask the customer to come to the branch with an identity "
               "document, or try again later.")
                .arg(error.code));
    else
        m_ui->outcomeLabel->setText(tr("✗ The check was not made: %1").arg(error.text()));
}

void CallerCheckPanel::showValidity()
{
    const QDateTime until = m_state ? m_state->validUntil(m_customerId) : QDateTime();
    if (until.isValid()) {
        const qint64 seconds = std::max<qint64>(0, m_clock().secsTo(until));
        m_ui->validityLabel->setText(
            tr("Check %1 is valid for %2:%3 more (until %4 JST). Clear lock and Revoke for this "
               "customer send it.")
                .arg(m_state->validCheckId(m_customerId))
                .arg(seconds / 60)
                .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                .arg(formatTokyoTime(until)));
        if (!m_countdown.isActive())
            m_countdown.start();
        return;
    }
    m_countdown.stop();
    const std::optional<CallerCheckResult> latest =
        m_state && m_customerId > 0 ? m_state->latest(m_customerId) : std::nullopt;
    m_ui->validityLabel->setText(
        latest && latest->passed
            ? tr("The passed check has expired (10 minutes): check again before clearing a lock "
                 "or revoking.")
            : QString());
}

void CallerCheckPanel::updateCheckButton()
{
    const bool checking = m_state && m_state->isChecking();
    m_ui->checkButton->setEnabled(m_state && m_customerId > 0 && !checking && anyFieldGiven());
    m_ui->checkButton->setToolTip(m_customerId > 0
                                      ? tr("Compare what the caller said with the customer's data")
                                      : tr("Open the customer first (Ctrl+K to search)"));
}

bool CallerCheckPanel::anyFieldGiven() const
{
    return !m_ui->nameKanaEdit->text().trimmed().isEmpty()
        || !m_ui->birthDateEdit->text().trimmed().isEmpty()
        || !m_ui->phoneEdit->text().trimmed().isEmpty();
}

void CallerCheckPanel::clearFieldResults()
{
    for (QLabel *label : resultLabels())
        label->clear();
}

QList<QLabel *> CallerCheckPanel::resultLabels() const
{
    return {m_ui->nameResult, m_ui->birthDateResult, m_ui->phoneResult, m_ui->accountResult};
}

} // namespace tc
