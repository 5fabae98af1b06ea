#pragma once

#include "AuditKeys.h"
#include "Result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tc::backend {
class Database;
}

namespace tc::backend::audit {

// What `audit verify` found wrong first.
enum class BreakKind {
    RowEdited, // a row's hash does not match its columns (or its successor's prev_hash)
    RowDeleted, // a seq is missing in the middle of the chain
    RowsReordered, // a row's prev_hash names a row that sits elsewhere in the chain
    RowInserted, // a row was slipped in between two rows that were linked
    LinkBroken, // prev_hash matches no row (changed by hand)
    TailCut, // a signed checkpoint or the chain's head points past the last row
    CheckpointMismatch, // the row at a signed checkpoint's seq has another hash (chain rewritten)
    CheckpointSignatureInvalid, // a checkpoint (file or table) whose signature does not verify
    PurgedPrefixUncovered, // the first rows are gone without a signed purge checkpoint
};

// "row-edited", "row-deleted", … (stable: scripts may read them).
QString breakKindName(BreakKind kind);

struct BrokenLink
{
    BreakKind kind = BreakKind::RowEdited;
    qint64 seq = 0; // the first seq concerned
    QString detail;
};

struct VerifyReport
{
    qint64 rowsChecked = 0;
    qint64 firstSeq = 0; // 0: no rows
    qint64 lastSeq = 0;
    int checkpointsChecked = 0; // distinct checkpoints whose signatures were checked
    int fileCheckpoints = 0; // of which from the file
    std::optional<qint64> purgedThroughSeq; // the purge checkpoint the chain starts from
    std::optional<BrokenLink> broken;
    // The rows found intact: up to the last row, or up to the one before the first broken link.
    qint64 intactThroughSeq = 0;
    // The newest valid signed checkpoint among the intact rows (0: none) and its time.
    qint64 checkpointSeq = 0;
    qint64 checkpointAtMs = 0;
    QStringList warnings;
    double seconds = 0;

    bool intact() const { return !broken; }
    // Several lines for people: what was checked, then OK or the first broken link.
    QString summary() const;
};

// Walks audit_log in seq order (streaming: one forward-only pass, nothing loaded whole), checks
// every row's hash and link, every checkpoint's signature (the table's and the file's), that
// every signed checkpoint matches the row at its seq and that none points past the last row, and
// that a purged prefix ends in a signed purge checkpoint. Reads one consistent snapshot. An Error
// only when the check itself could not run (database, unreadable file).
//
// A chain of `rowsForTwoHalves` rows or more is walked in two halves side by side (two
// connections, two cores); the report is the same either way (tests lower the number to walk
// short chains in halves).
inline constexpr qint64 defaultRowsForTwoHalves = 50'000;
Result<VerifyReport> verify(Database &database, const VerifyKey &publicKey,
                            const QString &checkpointFile,
                            qint64 rowsForTwoHalves = defaultRowsForTwoHalves);

} // namespace tc::backend::audit
