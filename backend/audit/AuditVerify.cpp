#include "AuditVerify.h"

#include "AuditChain.h"
#include "Database.h"
#include "NativeHandle.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDriver>
#include <QThread>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>
#include <libpq-fe.h>
#include <memory>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuditVerify, "tc.backend.audit.verify")

namespace tc::backend::audit {

namespace {

const char walkColumns[] = "SELECT seq, at, institution_id, staff_id, username, role, action, "
                           "target, reason, source_address, details, prev_hash, hash "
                           "FROM audit_log";

// The rows a walk reads: all of them, or seq in (after, through].
struct SeqRange
{
    std::optional<qint64> after;
    std::optional<qint64> through;

    QByteArray select() const
    {
        QByteArray sql = walkColumns;
        if (after)
            sql += " WHERE seq > " + QByteArray::number(*after);
        if (through)
            sql +=
                (after ? " AND" : " WHERE") + QByteArray(" seq <= ") + QByteArray::number(*through);
        return sql + " ORDER BY seq";
    }
};

using HashBytes = std::array<char, chainHashSize>;

bool equalHash(QByteArrayView bytes, const HashBytes &hash)
{
    return bytes.size() == chainHashSize
        && std::memcmp(bytes.data(), hash.data(), chainHashSize) == 0;
}

void copyHash(QByteArrayView bytes, HashBytes &hash)
{
    hash.fill('\0');
    std::memcpy(hash.data(), bytes.data(), size_t(qMin<qsizetype>(bytes.size(), chainHashSize)));
}

struct ValidCheckpoints
{
    QMultiHash<qint64, QByteArray> hashes; // every valid checkpoint, by seq
    QMultiHash<qint64, QByteArray> purges; // the purge checkpoints among them
};

// The chain walk: fed one row at a time in seq order; stops at the first broken link.
class Walk final
{
    Q_DISABLE_COPY_MOVE(Walk)

public:
    // Where the walk begins: at the chain's first row (its genesis or a vouched purge), or
    // somewhere in the middle, trusting the first row's link until continueWith() checks it.
    enum class Start { ChainStart, MidChain };
    Walk(const ValidCheckpoints &checkpoints, Start start)
        : m_checkpoints(checkpoints), m_start(start)
    { }

    // Valid checkpoints by seq (their hashes), and the purge checkpoints among them.

    qint64 rows = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    QByteArray lastHash;
    std::optional<qint64> purgedThrough;
    std::optional<BrokenLink> broken;
    // A link that names no neighbour: resolved after the walk by looking its prev_hash up.
    struct Pending
    {
        qint64 seq = 0;
        QByteArray prevHash;
        bool selfConsistent = false;
    };
    std::optional<Pending> pending;

    bool feed(const ChainFields &f, QByteArrayView prevHash, QByteArrayView hash)
    {
        ++rows;
        if (rows == 1) {
            firstSeq = f.seq;
            m_prevSeq = f.seq - 1;
            if (m_start == Start::MidChain) {
                copyHash(prevHash, m_prev);
                copyHash(prevHash, m_entryLink);
            } else if (f.seq <= 1) {
                copyHash(genesisHash(), m_prev);
            } else {
                // The rows before were purged: a signed purge checkpoint must vouch for the link.
                const QList<QByteArray> vouched = m_checkpoints.purges.values(f.seq - 1);
                if (!vouched.contains(prevHash.toByteArray())) {
                    qint64 covered = 0;
                    for (auto it = m_checkpoints.purges.cbegin(); it != m_checkpoints.purges.cend();
                         ++it) {
                        if (it.key() < f.seq)
                            covered = qMax(covered, it.key());
                    }
                    broken = BrokenLink {
                        BreakKind::PurgedPrefixUncovered, covered + 1,
                        u"the chain starts at seq %1 but no signed purge checkpoint vouches for "
                        "rows %2–%3 being purged"_s.arg(f.seq)
                            .arg(covered + 1)
                            .arg(f.seq - 1)};
                    return false;
                }
                purgedThrough = f.seq - 1;
                copyHash(prevHash, m_prev);
            }
        } else if (f.seq != m_prevSeq + 1) {
            broken =
                BrokenLink {BreakKind::RowDeleted, m_prevSeq + 1,
                            f.seq == m_prevSeq + 2
                                ? u"row %1 is missing"_s.arg(m_prevSeq + 1)
                                : u"rows %1–%2 are missing"_s.arg(m_prevSeq + 1).arg(f.seq - 1)};
            return false;
        }
        m_hasher.hash(prevHash, f, m_computed);
        const bool hashOk = m_computed == hash;
        const bool linkOk = equalHash(prevHash, m_prev);
        if (linkOk && hashOk) {
            for (auto it = m_checkpoints.hashes.constFind(f.seq);
                 it != m_checkpoints.hashes.cend() && it.key() == f.seq; ++it) {
                if (it.value() != hash) {
                    broken = BrokenLink {BreakKind::CheckpointMismatch, f.seq,
                                         u"row %1 is not the row a signed checkpoint vouches for: "
                                         "the chain up to it was rewritten"_s.arg(f.seq)};
                    return false;
                }
            }
            m_prevPrev = m_prev;
            m_havePrevPrev = rows > 1 || f.seq > 1;
            copyHash(hash, m_prev);
            m_prevSeq = f.seq;
            lastSeq = f.seq;
            return true;
        }
        if (!linkOk) {
            if (m_havePrevPrev && equalHash(prevHash, m_prevPrev)) {
                broken = BrokenLink {
                    BreakKind::RowInserted, m_prevSeq,
                    u"row %1 was inserted: row %2 links to row %3"_s.arg(m_prevSeq).arg(f.seq).arg(
                        m_prevSeq - 1)};
                return false;
            }
            pending = Pending {f.seq, prevHash.toByteArray(), hashOk};
            return false;
        }
        broken =
            BrokenLink {BreakKind::RowEdited, f.seq,
                        u"row %1 was changed: its hash does not match its columns"_s.arg(f.seq)};
        return false;
    }

    const HashBytes &lastLinkHash() const { return m_prev; }

    bool intact() const { return !broken && !pending; }

    // Appends the rows of `next`, an intact walk that started mid-chain, when its first row
    // follows this walk's last one and links to it; false (nothing changed) otherwise.
    bool continueWith(const Walk &next)
    {
        if (!intact() || !next.intact())
            return false;
        if (next.rows == 0)
            return true;
        if (next.firstSeq != m_prevSeq + 1 || next.m_entryLink != m_prev)
            return false;
        rows += next.rows;
        lastSeq = next.lastSeq;
        m_prevSeq = next.m_prevSeq;
        m_prev = next.m_prev;
        m_prevPrev = next.m_prevPrev;
        m_havePrevPrev = next.m_havePrevPrev;
        return true;
    }

private:
    const ValidCheckpoints &m_checkpoints;
    Start m_start;
    HashBytes m_entryLink {};
    ChainHasher m_hasher;
    QByteArray m_computed;
    HashBytes m_prev {};
    HashBytes m_prevPrev {};
    bool m_havePrevPrev = false;
    qint64 m_prevSeq = 0;
};

// SQLite: the C API on Qt's own connection (same library, same snapshot), so that a million
// rows do not each become a dozen QVariants.
Status walkSqlite(const QSqlDatabase &db, const SeqRange &range, Walk &walk)
{
    sqlite3 *handle = nativeHandle<sqlite3>(db, {"sqlite3*"});
    if (!handle)
        return Database::failure(u"audit verify"_s, u"no native SQLite handle"_s);
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, range.select().constData(), -1, &statement, nullptr)
        != SQLITE_OK)
        return Database::failure(u"audit verify"_s, QString::fromUtf8(sqlite3_errmsg(handle)));
    const auto text = [statement](int column) {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        return QByteArrayView(data, sqlite3_column_bytes(statement, column));
    };
    const auto blob = [statement](int column) {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(statement, column));
        return QByteArrayView(data, sqlite3_column_bytes(statement, column));
    };
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        ChainFields f;
        f.seq = sqlite3_column_int64(statement, 0);
        f.atMs = sqlite3_column_int64(statement, 1);
        f.institutionId = text(2);
        if (sqlite3_column_type(statement, 3) != SQLITE_NULL)
            f.staffId = sqlite3_column_int64(statement, 3);
        f.username = text(4);
        f.role = text(5);
        f.action = text(6);
        f.target = text(7);
        f.reason = text(8);
        f.sourceAddress = text(9);
        f.details = text(10);
        const QByteArrayView prevHash = blob(11);
        const QByteArrayView hash = blob(12);
        if (!walk.feed(f, prevHash, hash)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    const QString why = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE)
        return Database::failure(u"audit verify"_s, why);
    return Success {};
}

// PostgreSQL: COPY (…) TO STDOUT in binary format through libpq on Qt's connection: one message
// per row, parsed in place (QPSQL would convert every value through a QVariant).
class CopyRowParser final
{
public:
    // Returns false on malformed data.
    bool parse(const char *data, int size, Walk &walk, bool &stopped)
    {
        m_data = data;
        m_size = size;
        m_offset = 0;
        if (!m_headerSeen) {
            static const char signature[] = "PGCOPY\n\377\r\n";
            if (size < 19 || std::memcmp(data, signature, 11) != 0)
                return false;
            const qint32 extension = qFromBigEndian<qint32>(data + 15);
            m_offset = 19 + extension;
            m_headerSeen = true;
        }
        while (m_offset < m_size) {
            qint16 count = 0;
            if (!read16(count))
                return false;
            if (count == -1)
                return true; // trailer
            if (count != 13)
                return false;
            QByteArrayView fields[13];
            bool nulls[13] = {};
            for (int i = 0; i < 13; ++i) {
                if (!field(fields[i], nulls[i]))
                    return false;
            }
            if (stopped)
                continue;
            for (int i : {0, 1})
                if (nulls[i] || fields[i].size() != 8)
                    return false;
            if (!nulls[3] && fields[3].size() != 8)
                return false;
            ChainFields f;
            f.seq = qFromBigEndian<qint64>(fields[0].data());
            f.atMs = qFromBigEndian<qint64>(fields[1].data());
            f.institutionId = fields[2];
            if (!nulls[3])
                f.staffId = qFromBigEndian<qint64>(fields[3].data());
            f.username = fields[4];
            f.role = fields[5];
            f.action = fields[6];
            f.target = fields[7];
            f.reason = fields[8];
            f.sourceAddress = fields[9];
            f.details = fields[10];
            if (!walk.feed(f, fields[11], fields[12]))
                stopped = true;
        }
        return true;
    }

private:
    bool read16(qint16 &value)
    {
        if (m_offset + 2 > m_size)
            return false;
        value = qFromBigEndian<qint16>(m_data + m_offset);
        m_offset += 2;
        return true;
    }
    bool field(QByteArrayView &value, bool &isNull)
    {
        if (m_offset + 4 > m_size)
            return false;
        const qint32 length = qFromBigEndian<qint32>(m_data + m_offset);
        m_offset += 4;
        isNull = length < 0;
        if (isNull) {
            value = {};
            return true;
        }
        if (m_offset + length > m_size)
            return false;
        value = QByteArrayView(m_data + m_offset, length);
        m_offset += length;
        return true;
    }

    const char *m_data = nullptr;
    int m_size = 0;
    int m_offset = 0;
    bool m_headerSeen = false;
};

Status walkPostgres(const QSqlDatabase &db, const SeqRange &range, Walk &walk)
{
    PGconn *connection = nativeHandle<PGconn>(db, {"PGconn*", "pg_conn*"});
    if (!connection)
        return Database::failure(u"audit verify"_s, u"no native PostgreSQL handle"_s);
    const QByteArray copy = "COPY (" + range.select() + ") TO STDOUT (FORMAT binary)";
    PGresult *started = PQexec(connection, copy.constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_OUT;
    QString why = copying ? QString() : QString::fromUtf8(PQresultErrorMessage(started));
    PQclear(started);
    if (!copying)
        return Database::failure(u"audit verify"_s, why);
    CopyRowParser parser;
    bool stopped = false;
    bool malformed = false;
    char *buffer = nullptr;
    int size = 0;
    // After the first broken link the rest is drained unread: the connection must leave COPY.
    while ((size = PQgetCopyData(connection, &buffer, 0)) > 0) {
        if (!malformed && !parser.parse(buffer, size, walk, stopped))
            malformed = true;
        PQfreemem(buffer);
    }
    if (size == -2)
        why = QString::fromUtf8(PQerrorMessage(connection));
    while (PGresult *result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && why.isEmpty())
            why = QString::fromUtf8(PQresultErrorMessage(result));
        PQclear(result);
    }
    if (!why.isEmpty())
        return Database::failure(u"audit verify"_s, why);
    if (malformed)
        return Database::failure(u"audit verify"_s, u"unexpected COPY data"_s);
    return Success {};
}

Status walkRange(const QSqlDatabase &db, bool postgres, const SeqRange &range, Walk &walk)
{
    return postgres ? walkPostgres(db, range, walk) : walkSqlite(db, range, walk);
}

// A connection's consistent view of the chain for a walk: one read transaction (repeatable
// read on PostgreSQL) and, on SQLite, pages through memory mapping rather than one pread() each;
// both undone when it goes.
class WalkSnapshot final
{
    Q_DISABLE_COPY_MOVE(WalkSnapshot)

public:
    WalkSnapshot(const QSqlDatabase &db, bool postgres) : m_db(db), m_sqlite(!postgres) { }
    ~WalkSnapshot()
    {
        if (m_open)
            m_db.rollback();
        if (m_sqlite)
            (void)runQuery(m_db, u"PRAGMA mmap_size = 0"_s);
    }

    Status begin()
    {
        if (m_sqlite)
            (void)runQuery(m_db, u"PRAGMA mmap_size = 4294967296"_s);
        if (!m_db.transaction())
            return Database::failure(u"audit verify"_s, u"cannot begin a read transaction"_s);
        m_open = true;
        if (!m_sqlite) {
            Result<Statement> isolation =
                runQuery(m_db, u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
            if (!isolation)
                return isolation.error();
        }
        return Success {};
    }

private:
    QSqlDatabase m_db;
    bool m_sqlite;
    bool m_open = false;
};

// Walks the chain of `db`'s snapshot. A long chain is walked in two halves side by side, the
// upper one on a connection and core of its own: reading rows and hashing them is the whole
// cost, and a row's check needs only its columns and its predecessor's hash, which the halves
// compare where they meet. The upper half reads no row past the last one of `db`'s snapshot
// (rows are appended in seq order). When either half finds anything amiss, or the second
// connection is not to be had, the whole chain is walked again in one pass on `db`: that walk
// names the first broken link.
Result<std::unique_ptr<Walk>> walkChain(Database &database, const QSqlDatabase &db, bool postgres,
                                        const ValidCheckpoints &checkpoints,
                                        qint64 rowsForTwoHalves)
{
    std::unique_ptr<Walk> walk = std::make_unique<Walk>(checkpoints, Walk::Start::ChainStart);
    Result<Statement> bounds = runQuery(db, u"SELECT min(seq), max(seq) FROM audit_log"_s);
    if (!bounds)
        return bounds.error();
    const bool any = bounds.value().next() && !bounds.value().value(0).isNull();
    const qint64 first = any ? bounds.value().value(0).toLongLong() : 0;
    const qint64 last = any ? bounds.value().value(1).toLongLong() : 0;
    bounds.value().finish();
    if (last - first + 1 < rowsForTwoHalves) {
        if (Status walked = walkRange(db, postgres, {}, *walk); !walked)
            return walked.error();
        return walk;
    }

    const qint64 middle = first + (last - first) / 2;
    const std::unique_ptr<Walk> upper = std::make_unique<Walk>(checkpoints, Walk::Start::MidChain);
    Status upperWalked = Success {};
    const std::unique_ptr<QThread> thread(QThread::create([&] {
        const QSqlDatabase own = database.connection();
        WalkSnapshot snapshot(own, postgres);
        upperWalked = snapshot.begin();
        if (upperWalked)
            upperWalked = walkRange(own, postgres, {middle, last}, *upper);
    }));
    thread->start();
    const Status lowerWalked = walkRange(db, postgres, {std::nullopt, middle}, *walk);
    thread->wait();
    if (!lowerWalked)
        return lowerWalked.error();
    if (upperWalked && walk->continueWith(*upper))
        return walk;
    if (!upperWalked)
        qCWarning(lcAuditVerify).noquote()
            << "audit verify: walking in one pass:" << upperWalked.error().message;
    walk = std::make_unique<Walk>(checkpoints, Walk::Start::ChainStart);
    if (Status walked = walkRange(db, postgres, {}, *walk); !walked)
        return walked.error();
    return walk;
}

struct CheckpointKey
{
    qint64 seq;
    QByteArray hash;
    qint64 at;
    QString kind;
    QByteArray signature;
    bool operator==(const CheckpointKey &) const = default;
};
size_t qHash(const CheckpointKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.seq, key.hash, key.signature);
}

} // namespace

QString breakKindName(BreakKind kind)
{
    switch (kind) {
    case BreakKind::RowEdited:
        return u"row-edited"_s;
    case BreakKind::RowDeleted:
        return u"row-deleted"_s;
    case BreakKind::RowsReordered:
        return u"rows-reordered"_s;
    case BreakKind::RowInserted:
        return u"row-inserted"_s;
    case BreakKind::LinkBroken:
        return u"link-broken"_s;
    case BreakKind::TailCut:
        return u"tail-cut"_s;
    case BreakKind::CheckpointMismatch:
        return u"checkpoint-mismatch"_s;
    case BreakKind::CheckpointSignatureInvalid:
        return u"checkpoint-signature-invalid"_s;
    case BreakKind::PurgedPrefixUncovered:
        return u"purged-prefix-uncovered"_s;
    }
    return {};
}

QString VerifyReport::summary() const
{
    QString text;
    if (rowsChecked == 0)
        text += u"rows checked: 0\n"_s;
    else
        text += u"rows checked: %1 (seq %2–%3)\n"_s.arg(rowsChecked).arg(firstSeq).arg(lastSeq);
    if (purgedThroughSeq)
        text +=
            u"purged prefix: rows up to seq %1, vouched for by a signed purge checkpoint\n"_s.arg(
                *purgedThroughSeq);
    text += u"checkpoints checked: %1 (%2 from the checkpoint file)\n"_s.arg(checkpointsChecked)
                .arg(fileCheckpoints);
    for (const QString &warning : warnings)
        text += u"warning: %1\n"_s.arg(warning);
    if (broken)
        text += u"BROKEN at seq %1: %2 — %3\n"_s.arg(broken->seq)
                    .arg(breakKindName(broken->kind), broken->detail);
    else
        text += u"OK: the audit chain is intact\n"_s;
    return text;
}

Result<VerifyReport> verify(Database &database, const VerifyKey &publicKey,
                            const QString &checkpointFile, qint64 rowsForTwoHalves)
{
    QElapsedTimer timer;
    timer.start();
    VerifyReport report;
    // The file first: every line in it was written after its checkpoint committed, so all of
    // them are older than the snapshot read below.
    Result<CheckpointFile> file = readCheckpointFile(checkpointFile);
    if (!file)
        return file.error();
    if (!file->exists)
        report.warnings << u"checkpoint file %1 does not exist (yet)"_s.arg(checkpointFile);

    QSqlDatabase db = database.connection();
    if (!db.isOpen())
        return Database::failure(u"audit verify"_s, u"no database connection"_s);
    const bool postgres = database.isPostgreSql();
    WalkSnapshot snapshot(db, postgres);
    if (Status begun = snapshot.begin(); !begun)
        return begun.error();

    QList<std::pair<Checkpoint, bool>> all; // checkpoint, from the file
    for (const Checkpoint &c : file->checkpoints)
        all.append({c, true});
    {
        Result<Statement> table = runQuery(
            db, u"SELECT seq, hash, at, kind, signature FROM audit_checkpoints ORDER BY seq"_s);
        if (!table)
            return table.error();
        while (table.value().next()) {
            all.append({Checkpoint {.seq = table.value().value(0).toLongLong(),
                                    .hash = table.value().value(1).toByteArray(),
                                    .atMs = table.value().value(2).toLongLong(),
                                    .kind = table.value().value(3).toString(),
                                    .signature = table.value().value(4).toByteArray()},
                        false});
        }
    }
    ValidCheckpoints valid;
    QList<std::pair<qint64, qint64>> validTimes; // (seq, at) of each valid checkpoint
    std::optional<BrokenLink> signatureBreak;
    for (int line : file->malformedLines) {
        if (!signatureBreak)
            signatureBreak =
                BrokenLink {BreakKind::CheckpointSignatureInvalid, 0,
                            u"line %1 of %2 is not a checkpoint"_s.arg(line).arg(checkpointFile)};
    }
    QSet<CheckpointKey> seen;
    qint64 newestSeq = 0;
    for (const auto &[c, fromFile] : all) {
        const CheckpointKey key {c.seq, c.hash, c.atMs, c.kind, c.signature};
        if (seen.contains(key))
            continue;
        seen.insert(key);
        ++report.checkpointsChecked;
        if (fromFile)
            ++report.fileCheckpoints;
        const bool knownKind = c.kind == u"periodic"_s || c.kind == u"purge"_s;
        if (!knownKind || !checkpointSignatureValid(publicKey, c)) {
            if (!signatureBreak || c.seq < signatureBreak->seq)
                signatureBreak = BrokenLink {
                    BreakKind::CheckpointSignatureInvalid, c.seq,
                    u"the %1 checkpoint of seq %2 (%3) does not carry a valid signature of key "
                    "%4"_s.arg(c.kind)
                        .arg(c.seq)
                        .arg(fromFile ? u"checkpoint file"_s : u"audit_checkpoints table"_s)
                        .arg(publicKey.fingerprint())};
            continue;
        }
        valid.hashes.insert(c.seq, c.hash);
        validTimes.append({c.seq, c.atMs});
        if (c.kind == u"purge"_s)
            valid.purges.insert(c.seq, c.hash);
        newestSeq = qMax(newestSeq, c.seq);
    }

    Result<std::unique_ptr<Walk>> walked =
        walkChain(database, db, postgres, valid, rowsForTwoHalves);
    if (!walked)
        return walked.error();
    const Walk &walk = *walked.value();
    report.rowsChecked = walk.rows;
    report.firstSeq = walk.firstSeq;
    report.lastSeq = walk.lastSeq;
    report.purgedThroughSeq = walk.purgedThrough;

    std::optional<BrokenLink> chainBreak = walk.broken;
    if (walk.pending) {
        const Walk::Pending &p = *walk.pending;
        Result<Statement> found = runQuery(db, u"SELECT seq FROM audit_log WHERE hash = ?"_s,
                                           {p.prevHash}, u"audit verify"_s);
        if (!found)
            return found.error();
        if (found.value().next() && found.value().value(0).toLongLong() != p.seq - 1) {
            chainBreak = BrokenLink {
                BreakKind::RowsReordered, p.seq,
                u"row %1 links to row %2, not to row %3: rows were reordered"_s.arg(p.seq)
                    .arg(found.value().value(0).toLongLong())
                    .arg(p.seq - 1)};
        } else if (p.selfConsistent && p.seq > 1) {
            chainBreak = BrokenLink {BreakKind::RowEdited, p.seq - 1,
                                     u"row %1 was changed and its hash recomputed: row %2 no "
                                     "longer links to it"_s.arg(p.seq - 1)
                                         .arg(p.seq)};
        } else if (p.seq <= 1) {
            chainBreak = BrokenLink {BreakKind::LinkBroken, p.seq,
                                     u"row %1 does not start the chain"_s.arg(p.seq)};
        } else {
            chainBreak = BrokenLink {BreakKind::RowEdited, p.seq,
                                     u"row %1 was changed: its link to row %2 does not "
                                     "match"_s.arg(p.seq)
                                         .arg(p.seq - 1)};
        }
    }
    if (!chainBreak) {
        // The end: the chain's head row and every signed checkpoint must be within the rows.
        const qint64 end = walk.rows > 0 ? walk.lastSeq : walk.purgedThrough.value_or(0);
        Result<Statement> head =
            runQuery(db, u"SELECT seq, hash FROM audit_head WHERE id = ?"_s, {qint64(1)});
        if (!head)
            return head.error();
        if (head.value().next()) {
            const qint64 headSeq = head.value().value(0).toLongLong();
            const QByteArray headHash = head.value().value(1).toByteArray();
            if (walk.rows == 0 && headSeq > 0 && valid.purges.values(headSeq).contains(headHash)) {
                // everything purged, vouched for
            } else if (headSeq > end) {
                chainBreak = BrokenLink {
                    BreakKind::TailCut, end + 1,
                    u"the chain's head is seq %1 but the rows end at %2"_s.arg(headSeq).arg(end)};
            } else if (headSeq < end) {
                chainBreak =
                    BrokenLink {BreakKind::RowInserted, headSeq + 1,
                                u"rows %1–%2 follow the chain's head (seq %3)"_s.arg(headSeq + 1)
                                    .arg(end)
                                    .arg(headSeq)};
            } else if (walk.rows > 0 && !equalHash(headHash, walk.lastLinkHash())) {
                chainBreak = BrokenLink {BreakKind::RowEdited, end,
                                         u"row %1 differs from the chain's head"_s.arg(end)};
            }
        } else if (end > 0) {
            report.warnings << u"audit_head is missing"_s;
        }
        if (!chainBreak && newestSeq > end) {
            chainBreak = BrokenLink {BreakKind::TailCut, end + 1,
                                     u"a signed checkpoint vouches for seq %1 but the rows end at "
                                     "%2: the tail was cut off"_s.arg(newestSeq)
                                         .arg(end)};
        }
    }
    if (signatureBreak && (!chainBreak || signatureBreak->seq < chainBreak->seq))
        report.broken = signatureBreak;
    else
        report.broken = chainBreak;
    const qint64 walkedThrough = walk.rows > 0 ? walk.lastSeq : walk.purgedThrough.value_or(0);
    report.intactThroughSeq = report.broken
        ? qMin(walkedThrough, qMax<qint64>(0, report.broken->seq - 1))
        : walkedThrough;
    for (const auto &[seq, atMs] : validTimes) {
        if (seq > report.intactThroughSeq || seq < report.checkpointSeq)
            continue;
        report.checkpointAtMs =
            seq > report.checkpointSeq ? atMs : qMax(report.checkpointAtMs, atMs);
        report.checkpointSeq = seq;
    }
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace tc::backend::audit
