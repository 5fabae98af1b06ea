#include "AuditLogView.h"

#include "AuditCsvExport.h"
#include "AuditLabels.h"
#include "AuditLogModel.h"
#include "ClientError.h"
#include "FailedRowDelegate.h"
#include "TableStateHelper.h"
#include "TokyoTime.h"
#include "ui_AuditLogView.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QProgressDialog>
#include <QRegularExpressionValidator>
#include <QStandardPaths>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace tc {

AuditLogView::AuditLogView(AuditLogModel *model, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::AuditLogView>()), m_model(model)
{
    m_ui->setupUi(this);
    m_ui->customerEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[1-9][0-9]{0,17}"_s), this));
    const QDate today = tokyoDate(QDateTime::currentDateTimeUtc());
    for (QDateEdit *edit : {m_ui->fromDate, m_ui->toDate}) {
        edit->setDate(today);
        edit->setMaximumDate(today.addDays(1));
    }
    fillActions();
    m_ui->tableView->setModel(model);
    m_ui->tableView->horizontalHeader()->setSectionsClickable(false);
    m_ui->tableView->horizontalHeader()->setSortIndicatorShown(false);
    m_state = new TableStateHelper(m_ui->tableView, u"audit/rows"_s);
    // Refused actions stand out as refused steps do elsewhere (the Result column says it too).
    m_ui->tableView->setItemDelegate(
        new FailedRowDelegate(AuditLogModel::RefusedRole, m_ui->tableView));

    connect(m_ui->fromCheck, &QCheckBox::toggled, m_ui->fromDate, &QWidget::setEnabled);
    connect(m_ui->toCheck, &QCheckBox::toggled, m_ui->toDate, &QWidget::setEnabled);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &AuditLogView::applyFilters);
    for (QLineEdit *edit : {m_ui->staffEdit, m_ui->customerEdit})
        connect(edit, &QLineEdit::returnPressed, this, &AuditLogView::applyFilters);
    connect(m_ui->clearButton, &QPushButton::clicked, this, [this] {
        m_ui->staffEdit->clear();
        m_ui->customerEdit->clear();
        m_ui->actionCombo->setCurrentIndex(0);
        m_ui->fromCheck->setChecked(false);
        m_ui->toCheck->setChecked(false);
        applyFilters();
    });
    connect(m_ui->exportButton, &QPushButton::clicked, this, &AuditLogView::chooseExportFile);
    connect(m_ui->checkChainButton, &QPushButton::clicked, this, [this] {
        m_ui->chainLabel->setText(tr("Checking the audit chain…"));
        if (m_model)
            m_model->refreshChainState();
    });
    if (model) {
        connect(model, &AuditLogModel::chainStateChanged, this, &AuditLogView::showChainState);
        connect(model, &AuditLogModel::chainStateFailed, this,
                [this](const client::ClientError &error) {
                    m_ui->chainIcon->setPixmap(
                        style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
                    m_ui->chainLabel->setText(
                        tr("Unknown: the chain's state could not be read (%1)").arg(error.text()));
                });
        connect(model, &AuditLogModel::loadingChanged, this, &AuditLogView::showStatus);
        connect(model, &AuditLogModel::pageLoaded, this, &AuditLogView::showStatus);
        connect(model, &AuditLogModel::loadFailed, this, &AuditLogView::showStatus);
        connect(model, &AuditLogModel::pageLoaded, m_state, &TableStateHelper::fitColumns);
    }
}

AuditLogView::~AuditLogView()
{
    if (m_export)
        m_export->cancel();
}

QTableView *AuditLogView::tableView() const
{
    return m_ui->tableView;
}

QProgressDialog *AuditLogView::exportProgress() const
{
    return m_progress;
}

AuditCsvExport *AuditLogView::runningExport() const
{
    return m_export;
}

void AuditLogView::fillActions()
{
    const QString current = m_ui->actionCombo->currentData().toString();
    m_ui->actionCombo->clear();
    m_ui->actionCombo->addItem(tr("Every action"), QString());
    for (const QString &action : protocol::AuditRow::actions())
        m_ui->actionCombo->addItem(auditActionLabel(action), action);
    m_ui->actionCombo->setCurrentIndex(qMax(0, m_ui->actionCombo->findData(current)));
}

void AuditLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillActions();
        showChainState();
        showStatus();
    }
    QWidget::changeEvent(event);
}

void AuditLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first time the view is opened: the log and the chain's state.
    if (!m_chainAsked && m_model) {
        m_chainAsked = true;
        m_model->refreshChainState();
        applyFilters();
    }
}

void AuditLogView::applyFilters()
{
    if (!m_model)
        return;
    AuditLogModel::Filters filters {.username = m_ui->staffEdit->text().trimmed(),
                                    .customerId = m_ui->customerEdit->text().toLongLong(),
                                    .action = m_ui->actionCombo->currentData().toString()};
    if (m_ui->fromCheck->isChecked())
        filters.from = m_ui->fromDate->date();
    if (m_ui->toCheck->isChecked())
        filters.to = m_ui->toDate->date();
    m_model->setFilters(filters);
    showStatus();
}

void AuditLogView::showChainState()
{
    if (!m_model || !m_model->chainState())
        return;
    const protocol::AuditChainState &state = *m_model->chainState();
    const QStyle::StandardPixmap icon =
        state.intact ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical;
    m_ui->chainIcon->setPixmap(style()->standardIcon(icon).pixmap(16, 16));
    m_ui->chainIcon->setAccessibleName(state.intact ? tr("Intact") : tr("Broken"));
    m_ui->chainLabel->setText(auditChainText(state));
}

void AuditLogView::showStatus()
{
    if (!m_model)
        return;
    QString text;
    if (const std::optional<client::ClientError> &error = m_model->error())
        text = error->text();
    else if (m_model->isLoading())
        text = tr("Loading…");
    else if (m_model->isTruncated())
        text = tr("The newest %n row(s) shown; more match: narrow the filters, or export them all "
                  "to CSV",
                  "", m_model->rowCount());
    else if (m_model->isComplete())
        text = tr("%n row(s), all shown", "", m_model->rowCount());
    else
        text = tr("%n row(s) shown, newest first; scroll for older rows", "", m_model->rowCount());
    m_ui->statusLabel->setText(text);
}

void AuditLogView::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(u"audit-log-%1.csv"_s.arg(
        tokyoDate(QDateTime::currentDateTimeUtc()).toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit log"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void AuditLogView::exportTo(const QString &path, int pageSize)
{
    if (!m_model || m_export)
        return;
    m_export = m_model->exportCsv(path);
    m_export->setPageSize(pageSize);
    m_progress = new QProgressDialog(tr("Exporting the audit log…"), tr("Cancel"), 0, 0, this);
    m_progress->setWindowTitle(tr("Export the audit log"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(0);
    m_progress->setWindowModality(Qt::WindowModal);
    connect(m_progress, &QProgressDialog::canceled, m_export, &AuditCsvExport::cancel);
    connect(m_export, &AuditCsvExport::progressed, m_progress, [this](qint64 rows) {
        m_progress->setLabelText(tr("Exporting the audit log… %n row(s) written", "", int(rows)));
    });
    connect(m_export, &AuditCsvExport::finished, this, [this, path](qint64 rows) {
        endExport(tr("%n row(s) exported to %1", "", int(rows)).arg(QDir::toNativeSeparators(path)),
                  rows);
    });
    connect(m_export, &AuditCsvExport::failed, this, [this](const QString &message) {
        endExport(tr("Export failed, no file written: %1").arg(message), -1);
    });
    connect(m_export, &AuditCsvExport::cancelled, this,
            [this] { endExport(tr("Export cancelled, no file written"), -1); });
    m_ui->exportButton->setEnabled(false);
    m_progress->show();
    m_export->start();
}

void AuditLogView::endExport(const QString &message, qint64 rows)
{
    const QString path = m_export ? m_export->path() : QString();
    if (m_export)
        m_export->deleteLater();
    m_export = nullptr;
    if (m_progress) {
        m_progress->disconnect(this);
        m_progress->close();
    }
    m_ui->exportButton->setEnabled(true);
    m_ui->statusLabel->setText(message);
    Q_EMIT exportEnded(path, rows);
}

} // namespace tc
