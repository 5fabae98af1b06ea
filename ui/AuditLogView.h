#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QProgressDialog;
class QTableView;

namespace tc {

class AuditCsvExport;
class AuditLogModel;
class TableStateHelper;

namespace Ui {
class AuditLogView;
}

// The supervisors' audit log: the chain's state above (icon and words: intact up to which row
// and signed checkpoint, or broken at which row), filters by staff user, customer, action and
// Tokyo days (the server's: Show or Enter asks it again), the rows newest first as the server
// pages them (no sorting by column: the rows held are only the pages fetched so far), and a CSV
// export of every row matching the filters with progress and Cancel.
class AuditLogView final : public QWidget
{
    Q_OBJECT

public:
    explicit AuditLogView(AuditLogModel *model, QWidget *parent = nullptr);
    ~AuditLogView() override;

    // Applies what the filter fields say (the model reloads).
    void applyFilters();
    // Exports to `path` without asking for a file name (the Export button asks first), in
    // pages of `pageSize` rows.
    void exportTo(const QString &path, int pageSize = 500);

    QTableView *tableView() const;
    QProgressDialog *exportProgress() const;
    AuditCsvExport *runningExport() const;

Q_SIGNALS:
    // An export ended: `path` written with `rows` rows, or nothing written (`rows` < 0).
    void exportEnded(const QString &path, qint64 rows);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(AuditLogView)

    void fillActions();
    void showChainState();
    void showStatus();
    void chooseExportFile();
    void endExport(const QString &message, qint64 rows);

    std::unique_ptr<Ui::AuditLogView> m_ui;
    QPointer<AuditLogModel> m_model;
    TableStateHelper *m_state = nullptr;
    QPointer<AuditCsvExport> m_export;
    QPointer<QProgressDialog> m_progress;
    bool m_chainAsked = false;
};

} // namespace tc
