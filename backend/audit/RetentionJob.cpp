#include "RetentionJob.h"

#include "AuditLog.h"
#include "Clock.h"
#include "Database.h"

#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRetention, "tc.backend.retention")

namespace tc::backend::audit {

namespace {

Result<qint64> deleted(const QSqlDatabase &tx, const QString &sql, const QVariantList &values,
                       const QString &what)
{
    Result<Statement> query = runQuery(tx, sql, values, what);
    if (!query)
        return query.error();
    return qint64(query.value().numRowsAffected());
}

} // namespace

RetentionJob::RetentionJob(Database &database, const Clock &clock, AuditLog &audit,
                           int retentionDays)
    : m_database(database), m_clock(clock), m_audit(audit), m_retentionDays(retentionDays),
      m_daily([this] { (void)run(); })
{ }

RetentionJob::~RetentionJob()
{
    stop();
}

Result<PurgeReport> RetentionJob::run()
{
    const bool postgres = m_database.isPostgreSql();
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    PurgeReport report;
    report.cutoffMs = now - qint64(m_retentionDays) * 24 * 3600 * 1000;
    std::optional<Checkpoint> purgeCheckpoint;

    Result<PurgeReport> done =
        m_database.transaction<PurgeReport>([&](QSqlDatabase &tx) -> Result<PurgeReport> {
            purgeCheckpoint.reset();
            // The head first: appends and another instance's purge wait until this commits.
            Result<AuditLog::Head> head = AuditLog::lockHead(tx, postgres);
            if (!head)
                return head.error();

            // One statement per table (per institution for attempts, whose index leads with it).
            Result<Statement> institutions =
                runQuery(tx, u"SELECT id FROM institutions ORDER BY id"_s);
            if (!institutions)
                return institutions.error();
            QStringList ids;
            while (institutions.value().next())
                ids << institutions.value().value(0).toString();
            institutions.value().finish();
            for (const QString &id : std::as_const(ids)) {
                Result<qint64> attempts =
                    deleted(tx, u"DELETE FROM attempts WHERE institution_id = ? AND at < ?"_s,
                            {id, report.cutoffMs}, u"purge attempts"_s);
                if (!attempts)
                    return attempts.error();
                report.attemptsDeleted += attempts.value();
            }
            Result<qint64> events = deleted(tx, u"DELETE FROM events WHERE at < ?"_s,
                                            {report.cutoffMs}, u"purge events"_s);
            if (!events)
                return events.error();
            report.eventsDeleted = events.value();

            // The audit prefix: every row up to the first one still within the period (rows are
            // purged as a prefix of the chain, never from its middle).
            qint64 through = 0;
            {
                Result<Statement> bounds =
                    runQuery(tx,
                             u"SELECT (SELECT MIN(seq) FROM audit_log WHERE at >= ?), "
                             "(SELECT MAX(seq) FROM audit_log WHERE at < ?)"_s,
                             {report.cutoffMs, report.cutoffMs}, u"purge bounds"_s);
                if (!bounds)
                    return bounds.error();
                if (bounds.value().next() && !bounds.value().value(1).isNull()) {
                    const QVariant firstKept = bounds.value().value(0);
                    through = firstKept.isNull() ? bounds.value().value(1).toLongLong()
                                                 : firstKept.toLongLong() - 1;
                }
            }
            if (through > 0) {
                QByteArray hash;
                {
                    Result<Statement> last =
                        runQuery(tx, u"SELECT hash FROM audit_log WHERE seq = ?"_s, {through},
                                 u"purge last row"_s);
                    if (!last)
                        return last.error();
                    if (last.value().next())
                        hash = last.value().value(0).toByteArray();
                }
                if (!hash.isEmpty()) {
                    Result<Checkpoint> checkpoint =
                        m_audit.insertCheckpoint(tx, through, hash, now, u"purge"_s);
                    if (!checkpoint)
                        return checkpoint.error();
                    purgeCheckpoint = checkpoint.value();
                    Result<qint64> rows = deleted(tx, u"DELETE FROM audit_log WHERE seq <= ?"_s,
                                                  {through}, u"purge audit rows"_s);
                    if (!rows)
                        return rows.error();
                    report.auditRowsDeleted = rows.value();
                    report.purgedThroughSeq = through;
                }
            }
            if (report.attemptsDeleted + report.eventsDeleted + report.auditRowsDeleted == 0)
                return report;
            // The purge itself is audited (institution "": a system action across all).
            QJsonObject details {{u"cutoff"_s, report.cutoffMs},
                                 {u"retention_days"_s, m_retentionDays},
                                 {u"attempts_deleted"_s, report.attemptsDeleted},
                                 {u"events_deleted"_s, report.eventsDeleted},
                                 {u"audit_rows_deleted"_s, report.auditRowsDeleted}};
            if (report.purgedThroughSeq)
                details.insert(u"audit_purged_through_seq"_s, *report.purgedThroughSeq);
            if (Status appended =
                    m_audit.append(tx,
                                   {.atMs = now,
                                    .institutionId = QString(),
                                    .staffId = std::nullopt,
                                    .username = u"system"_s,
                                    .role = u"system"_s,
                                    .action = u"retention.purge"_s,
                                    .target = u"retention"_s,
                                    .reason = u"retention period %1 days"_s.arg(m_retentionDays),
                                    .details = details});
                !appended)
                return appended.error();
            return report;
        });
    if (!done) {
        qCWarning(lcRetention).noquote() << "retention purge failed:" << done.error().message;
        return done;
    }
    if (purgeCheckpoint)
        (void)m_audit.writeCheckpointLine(*purgeCheckpoint);
    if (done->attemptsDeleted + done->eventsDeleted + done->auditRowsDeleted > 0)
        qCInfo(lcRetention).noquote() << "retention purge:" << done->attemptsDeleted << "attempts,"
                                      << done->eventsDeleted << "events," << done->auditRowsDeleted
                                      << "audit rows older than" << m_retentionDays << "days";
    return done;
}

void RetentionJob::start(int firstDelayMs)
{
    m_daily.start(firstDelayMs, 24 * 3600 * 1000);
}

void RetentionJob::stop()
{
    m_daily.stop();
}

} // namespace tc::backend::audit
