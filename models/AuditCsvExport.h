#pragma once

#include "AuditLogModel.h"
#include "LatestRequest.h"

#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace tc::client {
class BackendClient;
}

namespace tc {

// Exports exactly the audit rows of `filters` — every page, not only those the view has
// fetched — to a CSV file for Excel: UTF-8 with a byte order mark, a header row, CRLF, the
// columns the view shows plus the row number (seq) and the action's wire name. Pages are asked
// one after another and each is written when it arrives (a page's work is small: the UI stays
// responsive). The file is a QSaveFile committed only after the last page: cancel() or a failure
// leaves no file, not even a partial one.
class AuditCsvExport final : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultPageSize = 500;

    AuditCsvExport(client::BackendClient *client, AuditLogModel::Filters filters, QString path,
                   QObject *parent = nullptr);
    ~AuditCsvExport() override;

    void setPageSize(int pageSize); // 1–500, before start()
    // Opens the file and asks for the first page; failed() when the file cannot be opened.
    void start();
    // Stops asking, discards what was written; cancelled() follows.
    void cancel();
    qint64 rowsWritten() const { return m_rows; }
    const QString &path() const { return m_path; }

    // One CSV field: quoted when it holds a separator, quote or line break; a leading = + - @
    // gets a ' so that a spreadsheet shows a typed reason as text instead of running it.
    static QString csvField(const QString &value);

Q_SIGNALS:
    void progressed(qint64 rowsWritten);
    void finished(qint64 rowsWritten); // the file is in place
    void failed(const QString &message); // no file was written
    void cancelled(); // no file was written

private:
    Q_DISABLE_COPY_MOVE(AuditCsvExport)

    void fetchPage(const QString &cursor);
    void writeLine(const QStringList &fields);
    void fail(const QString &message);

    QPointer<client::BackendClient> m_client;
    AuditLogModel::Filters m_filters;
    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    LatestRequest m_request;
    int m_pageSize = defaultPageSize;
    qint64 m_rows = 0;
    bool m_done = false;
};

} // namespace tc
