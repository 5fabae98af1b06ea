#include "AuditChain.h"

#include "AuditKeys.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tc::backend::audit {

namespace {

constexpr char encodingVersion = 1;

// The encoding is written with plain stores into a buffer sized once per row: a million rows a
// second leave no room for a dozen QByteArray appends each.
char *putInt64(char *out, qint64 value)
{
    qToBigEndian(value, out);
    return out + 8;
}

char *putText(char *out, QByteArrayView text)
{
    qToBigEndian(quint32(text.size()), out);
    if (!text.isEmpty())
        std::memcpy(out + 4, text.data(), size_t(text.size()));
    return out + 4 + text.size();
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

QByteArray genesisHash()
{
    return QByteArray(chainHashSize, '\0');
}

ChainHasher::ChainHasher() : m_ctx(EVP_MD_CTX_new()), m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr))
{
    if (!m_ctx || !m_md)
        qFatal("OpenSSL SHA-256 is not available");
    m_buffer.resize(1024);
}

ChainHasher::~ChainHasher()
{
    EVP_MD_free(m_md);
    EVP_MD_CTX_free(m_ctx);
}

namespace {

// The encoding's bytes after seq (see ChainHasher in the header).
qsizetype afterSeqSize(const ChainFields &f)
{
    return 8 + 1 + (f.staffId ? 8 : 0) + 8 * 4 + f.institutionId.size() + f.username.size()
        + f.role.size() + f.action.size() + f.target.size() + f.reason.size()
        + f.sourceAddress.size() + f.details.size();
}

char *putAfterSeq(char *p, const ChainFields &f)
{
    p = putInt64(p, f.atMs);
    p = putText(p, f.institutionId);
    if (f.staffId) {
        *p++ = '\1';
        p = putInt64(p, *f.staffId);
    } else {
        *p++ = '\0';
    }
    p = putText(p, f.username);
    p = putText(p, f.role);
    p = putText(p, f.action);
    p = putText(p, f.target);
    p = putText(p, f.reason);
    p = putText(p, f.sourceAddress);
    return putText(p, f.details);
}

} // namespace

SplitEncoding encodingAroundSeq(const ChainFields &fields)
{
    SplitEncoding split;
    split.beforeSeq = QByteArray(1, encodingVersion);
    split.afterSeq.resize(afterSeqSize(fields));
    [[maybe_unused]] const char *end = putAfterSeq(split.afterSeq.data(), fields);
    Q_ASSERT(end - split.afterSeq.constData() == split.afterSeq.size());
    return split;
}

void ChainHasher::hash(QByteArrayView prevHash, const ChainFields &f, QByteArray &out)
{
    const qsizetype size = prevHash.size() + 1 + 8 + afterSeqSize(f);
    if (m_buffer.size() < size)
        m_buffer.resize(qMax(size, 2 * m_buffer.size()));
    char *p = m_buffer.data();
    if (!prevHash.isEmpty())
        std::memcpy(p, prevHash.data(), size_t(prevHash.size()));
    p += prevHash.size();
    *p++ = encodingVersion;
    p = putInt64(p, f.seq);
    p = putAfterSeq(p, f);
    Q_ASSERT(p - m_buffer.constData() == size);

    if (out.size() != chainHashSize)
        out.resize(chainHashSize);
    unsigned int digestSize = 0;
    if (EVP_DigestInit_ex2(m_ctx, m_md, nullptr) != 1
        || EVP_DigestUpdate(m_ctx, m_buffer.constData(), size_t(size)) != 1
        || EVP_DigestFinal_ex(m_ctx, reinterpret_cast<unsigned char *>(out.data()), &digestSize)
            != 1
        || digestSize != chainHashSize)
        qFatal("OpenSSL SHA-256 failed");
}

QByteArray ChainHasher::hash(QByteArrayView prevHash, const ChainFields &fields)
{
    QByteArray out;
    hash(prevHash, fields, out);
    return out;
}

QByteArray checkpointMessage(const Checkpoint &c)
{
    return "tc-audit-checkpoint-v1\n" + QByteArray::number(c.seq) + '\n' + c.hash.toHex() + '\n'
        + QByteArray::number(c.atMs) + '\n' + c.kind.toUtf8();
}

Checkpoint signCheckpoint(const SigningKey &key, qint64 seq, const QByteArray &hash, qint64 atMs,
                          const QString &kind)
{
    Checkpoint c {.seq = seq, .hash = hash, .atMs = atMs, .kind = kind, .signature = {}};
    c.signature = key.sign(checkpointMessage(c));
    return c;
}

bool checkpointSignatureValid(const VerifyKey &key, const Checkpoint &checkpoint)
{
    return key.verify(checkpointMessage(checkpoint), checkpoint.signature);
}

QByteArray checkpointLine(const Checkpoint &c)
{
    const QJsonObject object {{u"seq"_s, c.seq},
                              {u"hash"_s, QString::fromLatin1(c.hash.toHex())},
                              {u"at"_s, c.atMs},
                              {u"kind"_s, c.kind},
                              {u"sig"_s, QString::fromLatin1(c.signature.toBase64())}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<Checkpoint> parseCheckpointLine(QByteArrayView line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    for (const QString &key : {u"seq"_s, u"at"_s}) {
        if (!o.value(key).isDouble())
            return std::nullopt;
    }
    for (const QString &key : {u"hash"_s, u"kind"_s, u"sig"_s}) {
        if (!o.value(key).isString())
            return std::nullopt;
    }
    Checkpoint c;
    c.seq = o.value(u"seq"_s).toInteger(-1);
    c.atMs = o.value(u"at"_s).toInteger(-1);
    c.hash = QByteArray::fromHex(o.value(u"hash"_s).toString().toLatin1());
    c.kind = o.value(u"kind"_s).toString();
    c.signature = QByteArray::fromBase64(o.value(u"sig"_s).toString().toLatin1());
    if (c.seq < 0 || c.hash.size() != chainHashSize)
        return std::nullopt;
    return c;
}

Status appendCheckpointLine(const QString &path, const Checkpoint &checkpoint)
{
    // Lines of several threads never interleave: one write() per line under a lock (and
    // O_APPEND keeps whole lines apart should two processes share the file by mistake).
    static QMutex mutex;
    const QMutexLocker locker(&mutex);
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error {u"audit/checkpoint_file"_s,
                      u"cannot open the checkpoint file %1: %2"_s.arg(path, errnoText())};
    const QByteArray line = checkpointLine(checkpoint);
    const bool written = ::write(fd, line.constData(), size_t(line.size())) == ssize_t(line.size())
        && ::fsync(fd) == 0;
    const QString why = errnoText();
    ::close(fd);
    if (!written)
        return Error {u"audit/checkpoint_file"_s,
                      u"cannot write the checkpoint file %1: %2"_s.arg(path, why)};
    return Success {};
}

Status prepareCheckpointFile(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error {u"audit/checkpoint_file"_s,
                      u"audit/checkpoint_file: cannot append to %1: %2"_s.arg(path, errnoText())};
    ::close(fd);
    return Success {};
}

Result<CheckpointFile> readCheckpointFile(const QString &path)
{
    CheckpointFile result;
    QFile file(path);
    if (!file.exists())
        return result;
    result.exists = true;
    if (!file.open(QIODevice::ReadOnly))
        return Error {u"audit/checkpoint_file"_s,
                      u"cannot read the checkpoint file %1: %2"_s.arg(path, file.errorString())};
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        if (std::optional<Checkpoint> checkpoint = parseCheckpointLine(line))
            result.checkpoints.append(*checkpoint);
        else
            result.malformedLines.append(lineNumber);
    }
    return result;
}

} // namespace tc::backend::audit
