#include "AuditLog.h"

#include "Clock.h"
#include "Database.h"

#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAudit, "tc.backend.audit")

namespace tc::backend::audit {

namespace {

ChainHasher &threadHasher()
{
    thread_local ChainHasher hasher;
    return hasher;
}

// Qt binds a null QString as SQL NULL; the columns are NOT NULL and hash as empty text.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// The customer a row's target concerns, for the audit log's customer filter: "customer:N" names
// it, an account, a linkage or a release request of the row's institution leads to it; other
// targets (sessions, apps, reports, branches) concern none.
Result<std::optional<qint64>> customerOfTarget(const QSqlDatabase &db, const AuditRecord &record)
{
    static const QRegularExpression pattern(
        u"^(customer|account|linkage|release-request):([1-9][0-9]{0,17})(?:/|$)"_s);
    const QRegularExpressionMatch match = pattern.match(record.target);
    if (!match.hasMatch())
        return std::optional<qint64>();
    const QString kind = match.captured(1);
    const qint64 id = match.captured(2).toLongLong();
    if (kind == u"customer"_s)
        return std::optional<qint64>(id);
    static const QHash<QString, QString> lookups {
        {u"account"_s, u"SELECT customer_id FROM accounts WHERE id = ? AND institution_id = ?"_s},
        {u"linkage"_s,
         u"SELECT a.customer_id FROM linkages l JOIN accounts a ON a.id = l.account_id "
         "WHERE l.id = ? AND l.institution_id = ?"_s},
        {u"release-request"_s,
         u"SELECT a.customer_id FROM lock_release_requests r JOIN accounts a ON "
         "a.id = r.account_id WHERE r.id = ? AND r.institution_id = ?"_s},
    };
    Result<Statement> found = runQuery(db, lookups.value(kind), {id, text(record.institutionId)},
                                       u"audit: customer of the target"_s);
    if (!found)
        return found.error();
    if (!found.value().next())
        return std::optional<qint64>();
    return std::optional<qint64>(found.value().value(0).toLongLong());
}

QVariant customerValue(const std::optional<qint64> &customerId)
{
    return customerId ? QVariant(*customerId) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

AuditLog::AuditLog(Database &database, const Clock &clock, SigningKey key, QString checkpointFile,
                   int everyRows, int everySeconds)
    : m_database(database), m_clock(clock), m_key(std::move(key)),
      m_checkpointFile(std::move(checkpointFile)), m_everyRows(qMax(1, everyRows)),
      m_everySeconds(qMax(1, everySeconds))
{
    m_worker.setMaxThreadCount(1);
}

AuditLog::~AuditLog()
{
    stop();
}

Result<AuditLog::Head> AuditLog::lockHead(const QSqlDatabase &tx, bool postgres)
{
    const QString select = postgres
        ? u"SELECT seq, hash, checkpoint_seq, checkpoint_at FROM audit_head WHERE id = ? "
          "FOR UPDATE"_s
        : u"SELECT seq, hash, checkpoint_seq, checkpoint_at FROM audit_head WHERE id = ?"_s;
    for (int round = 0; round < 2; ++round) {
        {
            Result<Statement> query = runQuery(tx, select, {qint64(1)}, u"audit head"_s);
            if (!query)
                return query.error();
            if (query.value().next()) {
                Head head;
                head.seq = query.value().value(0).toLongLong();
                head.hash = query.value().value(1).toByteArray();
                head.checkpointSeq = query.value().value(2).toLongLong();
                head.checkpointAtMs = query.value().value(3).toLongLong();
                return head;
            }
        }
        // The first append ever: two first appenders both insert; one waits for the other and
        // does nothing, then both lock the row the winner made.
        Result<Statement> created =
            runQuery(tx,
                     u"INSERT INTO audit_head (id, seq, hash, checkpoint_seq, checkpoint_at) "
                     "VALUES (?, 0, ?, 0, 0) ON CONFLICT (id) DO NOTHING"_s,
                     {qint64(1), genesisHash()}, u"create audit head"_s);
        if (!created)
            return created.error();
    }
    return Database::failure(u"audit head"_s, u"audit_head row missing after insert"_s);
}

namespace {

// A record's text as the row stores it and the chain hashes it (UTF-8; details as compact JSON).
struct EncodedRecord
{
    explicit EncodedRecord(const AuditRecord &r)
        : institution(r.institutionId.toUtf8()), username(r.username.toUtf8()),
          role(r.role.toUtf8()), action(r.action.toUtf8()), target(r.target.toUtf8()),
          reason(r.reason.toUtf8()), source(r.sourceAddress.toUtf8()),
          details(QJsonDocument(r.details).toJson(QJsonDocument::Compact)), record(r)
    { }

    ChainFields fields(qint64 seq) const
    {
        return {.seq = seq,
                .atMs = record.atMs,
                .institutionId = institution,
                .staffId = record.staffId,
                .username = username,
                .role = role,
                .action = action,
                .target = target,
                .reason = reason,
                .sourceAddress = source,
                .details = details};
    }

    // The row's columns from `at` to `details`, in table order, as bound.
    void appendColumns(QVariantList &values) const
    {
        values << record.atMs << text(record.institutionId)
               << (record.staffId ? QVariant(*record.staffId)
                                  : QVariant(QMetaType::fromType<qint64>()))
               << text(record.username) << text(record.role) << text(record.action)
               << text(record.target) << text(record.reason) << text(record.sourceAddress)
               << QString::fromUtf8(details);
    }

    QByteArray institution, username, role, action, target, reason, source, details;
    const AuditRecord &record;
};

} // namespace

QByteArray recordHash(ChainHasher &hasher, QByteArrayView prevHash, qint64 seq,
                      const AuditRecord &r, QByteArray &details)
{
    const EncodedRecord encoded(r);
    details = encoded.details;
    return hasher.hash(prevHash, encoded.fields(seq));
}

namespace {

constexpr int MaxBatchRows = 256; // one batch's transaction stays short
constexpr int MaxRowsPerInsert = 16; // rows per INSERT statement (its text is cached per size)

const QString &auditColumns()
{
    static const QString columns =
        u"seq, at, institution_id, staff_id, username, role, action, target, reason, "
        "source_address, details, prev_hash, hash, customer_id"_s;
    return columns;
}
constexpr int AuditColumnCount = 14;

QString insertStatement(qsizetype rows)
{
    QStringList tuples;
    const QString tuple = u"("_s + QStringList(AuditColumnCount, u"?"_s).join(u", "_s) + u")"_s;
    for (qsizetype i = 0; i < rows; ++i)
        tuples.append(tuple);
    return u"INSERT INTO audit_log (%1) VALUES %2"_s.arg(auditColumns(), tuples.join(u", "_s));
}

} // namespace

Status AuditLog::append(const QSqlDatabase &tx, const AuditRecord &record)
{
    return appendRows(tx, {&record});
}

Status AuditLog::appendOneOnPostgreSql(const QSqlDatabase &db, const AuditRecord &record)
{
    // The head's update computes the row's hash (the chain's encoding, split around the seq it
    // assigns, from AuditChain) and the insert takes it from there: one round trip, and the
    // head is locked from this statement to the commit only (outside a transaction, the
    // statement's own commit). Parameters are cast because an INSERT … SELECT gives them no
    // column types to infer.
    static const QString statement =
        u"WITH head AS (UPDATE audit_head SET seq = seq + 1, prev_hash = hash, "
        "hash = sha256(hash || ?::bytea || int8send(seq + 1) || ?::bytea) WHERE id = ? "
        "RETURNING seq, prev_hash, hash, checkpoint_seq), "
        "appended AS (INSERT INTO audit_log (%1) SELECT seq, ?::bigint, ?::text, ?::bigint, "
        "?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, prev_hash, hash, "
        "?::bigint FROM head) "
        "SELECT seq, checkpoint_seq FROM head"_s.arg(auditColumns());
    const Result<std::optional<qint64>> customer = customerOfTarget(db, record);
    if (!customer)
        return customer.error();
    const EncodedRecord encoded(record);
    const SplitEncoding split = encodingAroundSeq(encoded.fields(0));
    QVariantList values {split.beforeSeq, split.afterSeq, qint64(1)};
    encoded.appendColumns(values);
    values << customerValue(customer.value());
    for (int round = 0; round < 2; ++round) {
        {
            Result<Statement> appended = runQuery(db, statement, values, u"audit append"_s);
            if (!appended)
                return appended.error();
            if (appended.value().next()) {
                const qint64 seq = appended.value().value(0).toLongLong();
                if (seq - appended.value().value(1).toLongLong() >= m_everyRows)
                    scheduleCheckpoint();
                return Success {};
            }
        }
        // The first append ever creates the head (lockHead does: two first appenders agree).
        if (Result<Head> created = lockHead(db, true); !created)
            return created.error();
    }
    return Database::failure(u"audit append"_s, u"audit_head row missing"_s);
}

Status AuditLog::appendRows(const QSqlDatabase &tx, const QList<const AuditRecord *> &records)
{
    const bool postgres = m_database.isPostgreSql();
    if (postgres && records.size() == 1)
        return appendOneOnPostgreSql(tx, *records.first());
    const qint64 count = records.size();
    // The customers first: the head stays locked from its update to the commit.
    QList<std::optional<qint64>> customers;
    customers.reserve(count);
    for (const AuditRecord *record : records) {
        Result<std::optional<qint64>> customer = customerOfTarget(tx, *record);
        if (!customer)
            return customer.error();
        customers.append(customer.value());
    }
    // One statement takes the chain's next seqs and locks the head until the transaction ends
    // (a concurrent appender waits here, then sees this one's committed head).
    qint64 lastSeq = 0;
    QByteArray prevHash;
    qint64 checkpointSeq = 0;
    for (int round = 0; round < 2 && lastSeq == 0; ++round) {
        {
            Result<Statement> next = runQuery(tx,
                                              u"UPDATE audit_head SET seq = seq + ? WHERE id = ? "
                                              "RETURNING seq, hash, checkpoint_seq"_s,
                                              {count, qint64(1)}, u"audit head"_s);
            if (!next)
                return next.error();
            if (next.value().next()) {
                lastSeq = next.value().value(0).toLongLong();
                prevHash = next.value().value(1).toByteArray();
                checkpointSeq = next.value().value(2).toLongLong();
                break;
            }
        }
        // The first append ever creates the head (lockHead does: two first appenders agree).
        if (Result<Head> created = lockHead(tx, postgres); !created)
            return created.error();
    }
    if (lastSeq == 0)
        return Database::failure(u"audit append"_s, u"audit_head row missing"_s);

    ChainHasher &hasher = threadHasher();
    qint64 seq = lastSeq - count;
    for (qsizetype first = 0; first < count; first += MaxRowsPerInsert) {
        const qsizetype rows = qMin<qsizetype>(MaxRowsPerInsert, count - first);
        QVariantList values;
        values.reserve(rows * AuditColumnCount + 2);
        for (qsizetype i = first; i < first + rows; ++i) {
            const EncodedRecord encoded(*records.at(i));
            const QByteArray hash = hasher.hash(prevHash, encoded.fields(++seq));
            values << seq;
            encoded.appendColumns(values);
            values << prevHash << hash << customerValue(customers.at(i));
            prevHash = hash;
        }
        const bool last = first + rows == count;
        if (postgres && last) {
            // The last rows and the head's new hash in one round trip (a data-modifying WITH).
            values << prevHash << qint64(1);
            Result<Statement> written =
                runQuery(tx,
                         u"WITH appended AS (%1) UPDATE audit_head SET hash = ? WHERE id = ?"_s.arg(
                             insertStatement(rows)),
                         values, u"audit append"_s);
            if (!written)
                return written.error();
        } else {
            Result<Statement> inserted =
                runQuery(tx, insertStatement(rows), values, u"audit append"_s);
            if (!inserted)
                return inserted.error();
        }
    }
    if (!postgres) {
        Result<Statement> moved = runQuery(tx, u"UPDATE audit_head SET hash = ? WHERE id = ?"_s,
                                           {prevHash, qint64(1)}, u"audit head"_s);
        if (!moved)
            return moved.error();
    }
    if (lastSeq - checkpointSeq >= m_everyRows)
        scheduleCheckpoint();
    return Success {};
}

Status AuditLog::appendCommitted(const AuditRecord &record)
{
    Waiting me {.record = &record};
    QMutexLocker locker(&m_batchMutex);
    m_waiting.append(&me);
    while (!me.outcome) {
        if (m_writingBatch) {
            m_batchWritten.wait(&m_batchMutex);
            continue;
        }
        // Nobody is writing: this caller writes the rows of everyone waiting, its own among
        // them (at most MaxBatchRows; the rest go in the next batch).
        m_writingBatch = true;
        const QList<Waiting *> batch = m_waiting.first(qMin(m_waiting.size(), MaxBatchRows));
        m_waiting.remove(0, batch.size());
        locker.unlock();
        QList<const AuditRecord *> records;
        records.reserve(batch.size());
        for (const Waiting *waiting : batch)
            records.append(waiting->record);
        // One row on PostgreSQL is one statement, which commits by itself: no BEGIN and COMMIT
        // round trips for the audited read of a quiet moment.
        const Status written = records.size() == 1 && m_database.isPostgreSql()
            ? appendOneOnPostgreSql(m_database.connection(), *records.first())
            : m_database.transaction<Success>(
                [&](QSqlDatabase &tx) { return appendRows(tx, records); });
        if (!written)
            qCWarning(lcAudit).noquote()
                << "audit batch of" << batch.size() << "rows failed:" << written.error().message;
        locker.relock();
        for (Waiting *waiting : batch)
            waiting->outcome = written;
        m_writingBatch = false;
        m_batchWritten.wakeAll();
    }
    return *me.outcome;
}

Result<AuditLog::Page> AuditLog::page(const QSqlDatabase &db, const Query &query)
{
    const int limit = qBound(1, query.limit, 500);
    // Each filter is an equality the indexes of migration 8 lead with, so the page is one
    // index range in (at, seq) order: the planner takes the index of one filter and checks the
    // others on the rows it reads.
    QString condition = u"institution_id = ?"_s;
    QVariantList values {query.institutionId};
    if (!query.username.isEmpty()) {
        condition += u" AND username = ?"_s;
        values << query.username;
    }
    if (!query.action.isEmpty()) {
        condition += u" AND action = ?"_s;
        values << query.action;
    }
    if (query.customerId) {
        condition += u" AND customer_id = ?"_s;
        values << *query.customerId;
    }
    if (query.fromMs) {
        condition += u" AND at >= ?"_s;
        values << *query.fromMs;
    }
    if (query.toMs) {
        condition += u" AND at < ?"_s;
        values << *query.toMs;
    }
    if (query.after) {
        condition += u" AND (at, seq) < (?, ?)"_s;
        values << query.after->atMs << query.after->seq;
    }
    values << qint64(limit) + 1;
    Result<Statement> rows =
        runQuery(db,
                 u"SELECT seq, at, institution_id, staff_id, username, role, action, target, "
                 "reason, source_address, details, hash FROM audit_log WHERE %1 "
                 "ORDER BY at DESC, seq DESC LIMIT ?"_s.arg(condition),
                 values, u"audit page"_s);
    if (!rows)
        return rows.error();
    Page page;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        if (page.rows.size() == limit) {
            const AuditRow &last = page.rows.constLast();
            page.next = Position {last.record.atMs, last.seq};
            break;
        }
        AuditRow row;
        row.seq = q.value(0).toLongLong();
        row.record.atMs = q.value(1).toLongLong();
        row.record.institutionId = q.value(2).toString();
        if (!q.value(3).isNull())
            row.record.staffId = q.value(3).toLongLong();
        row.record.username = q.value(4).toString();
        row.record.role = q.value(5).toString();
        row.record.action = q.value(6).toString();
        row.record.target = q.value(7).toString();
        row.record.reason = q.value(8).toString();
        row.record.sourceAddress = q.value(9).toString();
        row.record.details = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
        row.hash = q.value(11).toByteArray();
        page.rows.append(std::move(row));
    }
    return page;
}

Result<Checkpoint> AuditLog::insertCheckpoint(const QSqlDatabase &tx, qint64 seq,
                                              const QByteArray &hash, qint64 atMs,
                                              const QString &kind)
{
    Checkpoint checkpoint = signCheckpoint(m_key, seq, hash, atMs, kind);
    if (checkpoint.signature.isEmpty())
        return Database::failure(u"audit checkpoint"_s, u"Ed25519 signing failed"_s);
    Result<Statement> inserted =
        runQuery(tx,
                 u"INSERT INTO audit_checkpoints (seq, hash, at, kind, signature) "
                 "VALUES (?, ?, ?, ?, ?)"_s,
                 {seq, hash, atMs, kind, checkpoint.signature}, u"audit checkpoint"_s);
    if (!inserted)
        return inserted.error();
    return checkpoint;
}

Status AuditLog::writeCheckpointLine(const Checkpoint &checkpoint)
{
    Status written = appendCheckpointLine(m_checkpointFile, checkpoint);
    if (!written)
        qCWarning(lcAudit).noquote() << written.error().message;
    return written;
}

Result<std::optional<Checkpoint>> AuditLog::checkpointIfDue(bool force)
{
    const bool postgres = m_database.isPostgreSql();
    Result<std::optional<Checkpoint>> taken = m_database.transaction<std::optional<Checkpoint>>(
        [&](QSqlDatabase &db) -> Result<std::optional<Checkpoint>> {
            Result<Head> head = lockHead(db, postgres);
            if (!head)
                return head.error();
            if (head->seq <= head->checkpointSeq)
                return std::optional<Checkpoint>();
            const qint64 now = m_clock.now().toMSecsSinceEpoch();
            const bool due = force || head->seq - head->checkpointSeq >= m_everyRows
                || now - head->checkpointAtMs >= qint64(m_everySeconds) * 1000;
            if (!due)
                return std::optional<Checkpoint>();
            Result<Checkpoint> checkpoint =
                insertCheckpoint(db, head->seq, head->hash, now, u"periodic"_s);
            if (!checkpoint)
                return checkpoint.error();
            Result<Statement> moved = runQuery(
                db, u"UPDATE audit_head SET checkpoint_seq = ?, checkpoint_at = ? WHERE id = 1"_s,
                {head->seq, now}, u"audit head"_s);
            if (!moved)
                return moved.error();
            return std::optional<Checkpoint>(checkpoint.value());
        });
    if (!taken) {
        qCWarning(lcAudit).noquote() << "audit checkpoint failed:" << taken.error().message;
        return taken;
    }
    // Only after the commit: a line for a transaction that rolled back would name a row that
    // never existed, and verify would call the chain cut.
    if (taken.value())
        (void)writeCheckpointLine(*taken.value());
    return taken;
}

void AuditLog::scheduleCheckpoint()
{
    if (m_scheduled.exchange(true))
        return;
    m_worker.start([this] {
        m_scheduled = false;
        (void)checkpointIfDue();
    });
}

void AuditLog::start()
{
    if (m_timer)
        return;
    m_timer = std::make_unique<QTimer>();
    // A few looks per period: a row waits at most everySeconds plus one look for its checkpoint.
    m_timer->setInterval(qMax(1000, m_everySeconds * 1000 / 12));
    QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(),
                     [this] { scheduleCheckpoint(); });
    m_timer->start();
}

void AuditLog::stop()
{
    m_timer.reset();
    m_worker.waitForDone();
}

void AuditLog::waitForIdle()
{
    m_worker.waitForDone();
}

} // namespace tc::backend::audit
