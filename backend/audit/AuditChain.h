#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

struct evp_md_ctx_st;
struct evp_md_st;

namespace tc::backend::audit {

class SigningKey;
class VerifyKey;

// The columns of one audit_log row as the chain hashes them: integers as they are, text as the
// UTF-8 bytes stored (details is the stored JSON text, hashed byte for byte, never re-encoded).
struct ChainFields
{
    qint64 seq = 0;
    qint64 atMs = 0;
    QByteArrayView institutionId;
    std::optional<qint64> staffId;
    QByteArrayView username;
    QByteArrayView role;
    QByteArrayView action;
    QByteArrayView target;
    QByteArrayView reason;
    QByteArrayView sourceAddress;
    QByteArrayView details;
};

inline constexpr int chainHashSize = 32;
// The prev_hash of the first row ever appended (seq 1).
QByteArray genesisHash();

// hash = SHA-256(prev_hash || encoding), where the encoding is a version byte (1), then every
// column in table order: integers as 8 bytes big-endian, staff_id as a presence byte (0 or 1)
// followed by its 8 bytes when present, text as a 4-byte big-endian length and its UTF-8 bytes.
// Length prefixes make it unambiguous: no two different rows encode to the same bytes. One
// ChainHasher per thread; it reuses its OpenSSL context and buffer.
class ChainHasher final
{
    Q_DISABLE_COPY_MOVE(ChainHasher)

public:
    ChainHasher();
    ~ChainHasher();
    // 32 bytes into `out` (resized).
    void hash(QByteArrayView prevHash, const ChainFields &fields, QByteArray &out);
    QByteArray hash(QByteArrayView prevHash, const ChainFields &fields);

private:
    evp_md_ctx_st *m_ctx = nullptr;
    evp_md_st *m_md = nullptr;
    QByteArray m_buffer;
};

// The encoding of `fields` (their seq aside) in two parts, before and after where seq goes, so
// that whoever assigns seq and knows the previous hash can finish the hash:
// SHA-256(prev_hash || beforeSeq || seq as 8 bytes big-endian || afterSeq) equals
// ChainHasher::hash(prev_hash, fields with that seq). PostgreSQL does so in the statement that
// takes the chain's next seq (AuditLog).
struct SplitEncoding
{
    QByteArray beforeSeq;
    QByteArray afterSeq;
};
SplitEncoding encodingAroundSeq(const ChainFields &fields);

// A signed statement "the chain's row `seq` had hash `hash` at time `at`": kind "periodic"
// (every N rows or seconds) or "purge" (the last row of a purged prefix).
struct Checkpoint
{
    qint64 seq = 0;
    QByteArray hash;
    qint64 atMs = 0;
    QString kind;
    QByteArray signature;
};

// What is signed: "tc-audit-checkpoint-v1\n<seq>\n<hex hash>\n<at ms>\n<kind>".
QByteArray checkpointMessage(const Checkpoint &checkpoint);
Checkpoint signCheckpoint(const SigningKey &key, qint64 seq, const QByteArray &hash, qint64 atMs,
                          const QString &kind);
bool checkpointSignatureValid(const VerifyKey &key, const Checkpoint &checkpoint);

// One line of the checkpoint file: compact JSON {"seq","hash" (hex),"at","kind","sig" (base64)}.
QByteArray checkpointLine(const Checkpoint &checkpoint);
std::optional<Checkpoint> parseCheckpointLine(QByteArrayView line);

// Appends one line (O_APPEND, created 0600) and fsyncs it.
Status appendCheckpointLine(const QString &path, const Checkpoint &checkpoint);
// Checks that the file can be appended to (created empty with mode 0600 if missing).
Status prepareCheckpointFile(const QString &path);

struct CheckpointFile
{
    QList<Checkpoint> checkpoints;
    QList<int> malformedLines; // 1-based line numbers that do not parse
    bool exists = false;
};
Result<CheckpointFile> readCheckpointFile(const QString &path);

} // namespace tc::backend::audit
