#include "AuditCsvExport.h"

#include "BackendClient.h"

using namespace Qt::StringLiterals;

namespace tc {

AuditCsvExport::AuditCsvExport(client::BackendClient *client, AuditLogModel::Filters filters,
                               QString path, QObject *parent)
    : QObject(parent), m_client(client), m_filters(std::move(filters)), m_path(std::move(path))
{ }

AuditCsvExport::~AuditCsvExport()
{
    m_request.abort();
    if (m_file)
        m_file->cancelWriting(); // never committed by going away
}

void AuditCsvExport::setPageSize(int pageSize)
{
    m_pageSize = qBound(1, pageSize, 500);
}

QString AuditCsvExport::csvField(const QString &value)
{
    QString field = value;
    if (!field.isEmpty() && u"=+-@\t\r"_s.contains(field.front()))
        field.prepend(u'\'');
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
        || field.contains(u'\r')) {
        field.replace(u"\""_s, u"\"\""_s);
        return u'"' + field + u'"';
    }
    return field;
}

void AuditCsvExport::writeLine(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &field : fields)
        escaped.append(csvField(field));
    m_file->write((escaped.join(u',') + u"\r\n"_s).toUtf8());
}

void AuditCsvExport::start()
{
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        fail(tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    m_file->write("\xEF\xBB\xBF"); // UTF-8 byte order mark: Excel reads the file as UTF-8
    QStringList header {tr("No.")};
    for (int column = 0; column < AuditLogModel::ColumnCount; ++column) {
        header.append(AuditLogModel::columnTitle(column));
        if (column == AuditLogModel::ActionColumn)
            header.append(tr("Action code"));
    }
    writeLine(header);
    fetchPage({});
}

void AuditCsvExport::cancel()
{
    if (m_done)
        return;
    m_done = true;
    m_request.abort();
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    Q_EMIT cancelled();
}

void AuditCsvExport::fail(const QString &message)
{
    m_done = true;
    m_request.abort();
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    Q_EMIT failed(message);
}

void AuditCsvExport::fetchPage(const QString &cursor)
{
    if (!m_client) {
        fail(tr("Not connected"));
        return;
    }
    QUrlQuery query = AuditLogModel::queryOf(m_filters);
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, cursor);
    m_request.getAs<protocol::AuditPage>(
        *m_client, QString::fromLatin1(AuditLogModel::apiPath), query, this,
        [this](Result<protocol::AuditPage, client::ClientError> answer) {
            if (m_done)
                return;
            if (!answer) {
                fail(answer.error().text());
                return;
            }
            for (const protocol::AuditRow &row : answer.value().rows) {
                QStringList fields {QString::number(row.seq)};
                for (int column = 0; column < AuditLogModel::ColumnCount; ++column) {
                    fields.append(AuditLogModel::cellText(row, column));
                    if (column == AuditLogModel::ActionColumn)
                        fields.append(row.action);
                }
                writeLine(fields);
            }
            m_rows += answer.value().rows.size();
            Q_EMIT progressed(m_rows);
            if (!answer.value().nextCursor.isEmpty()) {
                fetchPage(answer.value().nextCursor);
                return;
            }
            m_done = true;
            if (!m_file->commit()) {
                const QString why = m_file->errorString();
                m_file.reset();
                Q_EMIT failed(tr("Cannot write %1: %2").arg(m_path, why));
                return;
            }
            m_file.reset();
            Q_EMIT finished(m_rows);
        });
}

} // namespace tc
