#include "OutboxSender.h"

#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <algorithm>
#include <cstring>
#include <curl/curl.h>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMail, "tc.backend.mail")

namespace tc::backend {

namespace {

constexpr qint64 retryBaseMs = 60 * 1000;
constexpr qint64 retryCapMs = 60 * 60 * 1000;
// The claim outlives the longest SMTP session (CURLOPT_TIMEOUT) by a margin, so a lease never
// runs out while its holder still sends; a sender that dies mid-send frees the row after it.
constexpr qint64 leaseMarginMs = 60 * 1000;
constexpr qsizetype maxErrorLength = 200;

struct OutboxRow
{
    qint64 id = 0;
    QString recipient;
    QString subject;
    QString body;
    qint64 createdAt = 0;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
};

// 1 min, 2, 4, … after the 1st, 2nd, 3rd failure; never more than an hour apart.
qint64 retryDelayMs(int failuresBefore)
{
    if (failuresBefore >= 6)
        return retryCapMs;
    return std::min(retryBaseMs << std::max(failuresBefore, 0), retryCapMs);
}

// An addr-spec as MAIL FROM and RCPT TO carry it. Only ASCII: the sender does not negotiate
// SMTPUTF8, and anything that could end a header line or an SMTP command is refused outright.
bool isPlainAddress(QStringView address)
{
    if (address.isEmpty() || address.size() > 254)
        return false;
    const qsizetype at = address.indexOf(u'@');
    if (at <= 0 || at != address.lastIndexOf(u'@') || at == address.size() - 1)
        return false;
    return std::all_of(address.begin(), address.end(), [](QChar c) {
        return c.unicode() > 0x20 && c.unicode() < 0x7f
            && !QStringView(u"<>()[]\\,;:\"").contains(c);
    });
}

bool hasLineBreak(QStringView text)
{
    return text.contains(u'\r') || text.contains(u'\n');
}

// For the log: "d***@example.jp". The local part identifies the customer; the domain helps
// tell a provider's outage from ours.
QString maskedAddress(const QString &address)
{
    if (!isPlainAddress(address))
        return u"<invalid address>"_s;
    const qsizetype at = address.indexOf(u'@');
    return address.left(1) + u"***"_s + address.mid(at);
}

struct FromAddress
{
    QString displayName;
    QString address;
};

// "Name <addr>" or a bare "addr".
std::optional<FromAddress> parseFrom(const QString &from)
{
    const QString trimmed = from.trimmed();
    if (hasLineBreak(trimmed))
        return std::nullopt;
    FromAddress parsed;
    if (trimmed.endsWith(u'>')) {
        const qsizetype open = trimmed.lastIndexOf(u'<');
        if (open < 0)
            return std::nullopt;
        parsed.displayName = trimmed.left(open).trimmed();
        parsed.address = trimmed.mid(open + 1, trimmed.size() - open - 2);
    } else {
        parsed.address = trimmed;
    }
    if (!isPlainAddress(parsed.address))
        return std::nullopt;
    return parsed;
}

// RFC 2047 B-encoded words, split on character boundaries. 36 bytes make a 60-character word,
// so "Subject: " plus one word stays within the 78 characters RFC 5322 asks lines to keep to.
QByteArray encodedWords(const QString &text)
{
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        if (chunk.size() + character.size() > 36) {
            words << chunk;
            chunk.clear();
        }
        chunk += character;
        i += length;
    }
    if (!chunk.isEmpty() || words.isEmpty())
        words << chunk;
    QByteArray out;
    for (const QByteArray &word : std::as_const(words)) {
        if (!out.isEmpty())
            out += "\r\n "; // folding whitespace between encoded words is not displayed
        out += "=?UTF-8?B?" + word.toBase64() + "?=";
    }
    return out;
}

QByteArray displayNameHeader(const QString &name)
{
    const bool ascii = std::all_of(name.begin(), name.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f;
    });
    if (!ascii)
        return encodedWords(name);
    QString quoted = name;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return '"' + quoted.toLatin1() + '"';
}

QByteArray rfc5322Date(const QDateTime &when)
{
    // Names of days and months are English in every locale of the reader: QLocale::c().
    return QLocale::c().toString(when.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1()
        + " +0000";
}

// The whole message in its canonical form: CRLF everywhere, the UTF-8 body base64-encoded
// in 76-character lines (so no line is too long and no byte is 8-bit on the wire).
QByteArray composeMessage(const OutboxRow &row, const FromAddress &from, const QDateTime &now)
{
    const QString domain = from.address.mid(from.address.indexOf(u'@') + 1);
    QByteArray fromHeader = from.address.toLatin1();
    if (!from.displayName.isEmpty())
        fromHeader = displayNameHeader(from.displayName) + " <" + fromHeader + '>';
    // Stable across retries, so a receiver that saw a mail whose 250 reply got lost can tell.
    const QByteArray messageId = "<outbox." + QByteArray::number(row.id) + '.'
        + QByteArray::number(row.createdAt) + '@' + domain.toLatin1() + '>';

    QString body = row.body;
    body.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n').replace(u"\n"_s, u"\r\n"_s);
    const QByteArray encoded = body.toUtf8().toBase64();

    QByteArray message;
    message += "From: " + fromHeader + "\r\n";
    message += "To: " + row.recipient.toLatin1() + "\r\n";
    message += "Subject: " + encodedWords(row.subject) + "\r\n";
    message += "Date: " + rfc5322Date(now) + "\r\n";
    message += "Message-ID: " + messageId + "\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=UTF-8\r\n";
    message += "Content-Transfer-Encoding: base64\r\n";
    message += "\r\n";
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        message += encoded.mid(i, 76) + "\r\n";
    return message;
}

// Why a row can never be sent, or an empty string.
QString refusal(const OutboxRow &row)
{
    if (hasLineBreak(row.recipient))
        return u"refused: recipient contains a line break"_s;
    if (!isPlainAddress(row.recipient))
        return u"refused: recipient is not a plain e-mail address"_s;
    if (hasLineBreak(row.subject))
        return u"refused: subject contains a line break"_s;
    return {};
}

// curl_global_init is not thread-safe itself; a function-local static runs it exactly once,
// whichever sender thread gets here first.
bool curlReady()
{
    static const CURLcode initialized = curl_global_init(CURL_GLOBAL_DEFAULT);
    return initialized == CURLE_OK;
}

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

extern "C" size_t readUpload(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *upload = static_cast<Upload *>(userdata);
    const size_t left = size_t(upload->data.size() - upload->offset);
    const size_t n = std::min(size * count, left);
    std::memcpy(buffer, upload->data.constData() + upload->offset, n);
    upload->offset += qsizetype(n);
    return n;
}

// One libcurl easy handle. curl_easy_setopt is a variadic macro (with GCC's type checks):
// routing every call through this template keeps casts and varargs out of the code below.
class CurlSession final
{
    Q_DISABLE_COPY_MOVE(CurlSession)

public:
    CurlSession() : m_handle(curl_easy_init()) { }
    ~CurlSession()
    {
        if (m_recipients)
            curl_slist_free_all(m_recipients);
        if (m_handle)
            curl_easy_cleanup(m_handle);
    }

    bool isValid() const { return m_handle != nullptr; }

    template<typename T>
    void set(CURLoption option, T value)
    {
        if (m_setupError == CURLE_OK)
            m_setupError = curl_easy_setopt(m_handle, option, value);
    }

    void addRecipient(const QByteArray &address)
    {
        if (curl_slist *list = curl_slist_append(m_recipients, address.constData()))
            m_recipients = list;
        else
            m_setupError = CURLE_OUT_OF_MEMORY;
    }

    // Runs the transfer; an empty reason on success, else a short one without secrets:
    // libcurl's message (server replies appear only as their numeric code) and the SMTP code.
    // `permanent`: the server refused this message or recipient for good (RFC 5321 550–554),
    // so trying again can only be refused again. Other 5xx replies (530/535: authentication)
    // and 4xx ones are the relay's or the operator's to fix, and are retried.
    struct Outcome
    {
        QString reason;
        bool permanent = false;
    };
    Outcome perform()
    {
        char errorBuffer[CURL_ERROR_SIZE] = {};
        set(CURLOPT_ERRORBUFFER, errorBuffer);
        set(CURLOPT_MAIL_RCPT, m_recipients);
        CURLcode code = m_setupError;
        if (code == CURLE_OK)
            code = curl_easy_perform(m_handle);
        if (code == CURLE_OK)
            return {};
        long response = 0;
        curl_easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &response);
        const QString detail = QString::fromUtf8(errorBuffer).trimmed();
        QString reason = u"curl %1: %2"_s.arg(int(code)).arg(
            detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail);
        if (response != 0)
            reason += u" (SMTP %1)"_s.arg(response);
        return {reason.left(maxErrorLength), response >= 550 && response <= 554};
    }

private:
    CURL *m_handle = nullptr;
    curl_slist *m_recipients = nullptr;
    CURLcode m_setupError = CURLE_OK;
};

} // namespace

OutboxSender::OutboxSender(Database &database, const Clock &clock, SmtpSettings settings,
                           QObject *parent)
    : QObject(parent), m_database(database), m_clock(clock), m_settings(std::move(settings))
{
    // One worker whose thread stays: passes never overlap, and its database connection (one
    // per thread) is opened once instead of at every pass.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    connect(&m_timer, &QTimer::timeout, this, &OutboxSender::runPass);
}

OutboxSender::~OutboxSender()
{
    stop();
}

Status OutboxSender::validate(const SmtpSettings &settings)
{
    const QString scheme = settings.url.section(u"://"_s, 0, 0).toLower();
    if (!settings.url.contains(u"://"_s) || (scheme != u"smtp"_s && scheme != u"smtps"_s))
        return Error {u"smtp/url"_s, u"the SMTP URL must start with smtp:// or smtps://"_s};
    if (!parseFrom(settings.from))
        return Error {u"smtp/from"_s, u"the SMTP sender is not a plain e-mail address"_s};
    if (settings.timeoutSeconds < 1 || settings.maxAttempts < 1 || settings.batchSize < 1)
        return Error {u"smtp"_s, u"SMTP timeout, attempts and batch size must be positive"_s};
    if (!curlReady())
        return Error {u"smtp"_s, u"libcurl failed to initialise"_s};
    return Success {};
}

int OutboxSender::deliverDue()
{
    if (const Status valid = validate(m_settings); !valid) {
        qCWarning(lcMail).noquote() << "outbox not delivered:" << valid.error().message;
        return 0;
    }
    const std::optional<FromAddress> from = parseFrom(m_settings.from);
    QByteArray password;
    if (!m_settings.passwordFile.isEmpty()) {
        QFile file(m_settings.passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcMail).noquote()
                << "outbox not delivered: cannot read the SMTP password file"
                << m_settings.passwordFile;
            return 0;
        }
        password = file.readAll().trimmed();
    }
    const qint64 leaseMs = qint64(m_settings.timeoutSeconds) * 1000 + leaseMarginMs;

    QSqlDatabase db = m_database.connection();
    int delivered = 0;
    for (;;) {
        const qint64 now = m_clock.now().toMSecsSinceEpoch();
        auto due =
            runQuery(db,
                     u"SELECT id, recipient, subject, body, created_at, attempts, "
                     "next_attempt_at FROM outbox WHERE sent_at IS NULL AND attempts < ? "
                     "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"_s,
                     {m_settings.maxAttempts, now, m_settings.batchSize}, u"select due outbox"_s);
        if (!due)
            break;
        std::vector<OutboxRow> rows;
        while (due.value().next()) {
            const QSqlQuery &q = due.value();
            rows.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toInt(),
                            q.value(6).toLongLong()});
        }
        due.value().finish();

        for (const OutboxRow &row : rows) {
            // The claim: one UPDATE that only matches the row as this pass read it. Whoever
            // commits first moves next_attempt_at to its lease; a concurrent claimer's WHERE
            // then matches nothing (PostgreSQL re-checks it on the committed row; SQLite
            // serialises writers), so exactly one sender owns the row until the lease ends.
            const qint64 lease = m_clock.now().toMSecsSinceEpoch() + leaseMs;
            auto claim =
                runQuery(db,
                         u"UPDATE outbox SET next_attempt_at = ? WHERE id = ? "
                         "AND next_attempt_at = ? AND attempts = ? AND sent_at IS NULL"_s,
                         {lease, row.id, row.nextAttemptAt, row.attempts}, u"claim outbox row"_s);
            if (!claim || claim.value().numRowsAffected() != 1)
                continue;

            if (const QString refused = refusal(row); !refused.isEmpty()) {
                // Never sendable: given up at once rather than retried.
                qCWarning(lcMail).noquote()
                    << "outbox mail" << row.id << "refused:" << refused.mid(9);
                auto kept = runQuery(
                    db,
                    u"UPDATE outbox SET attempts = ?, last_error = ? "
                    "WHERE id = ? AND next_attempt_at = ?"_s,
                    {std::max(m_settings.maxAttempts, row.attempts + 1), refused, row.id, lease},
                    u"refuse outbox row"_s);
                if (!kept)
                    qCWarning(lcMail) << "outbox mail" << row.id << "refusal not kept";
                continue;
            }

            const CurlSession::Outcome outcome = [&]() -> CurlSession::Outcome {
                CurlSession curl;
                if (!curl.isValid())
                    return {u"curl: cannot create a session"_s};
                Upload upload {composeMessage(row, *from, m_clock.now()), 0};
                const QByteArray url = m_settings.url.toUtf8();
                const QByteArray mailFrom = '<' + from->address.toLatin1() + '>';
                const QByteArray caFile = QFile::encodeName(m_settings.caFile);
                const QByteArray username = m_settings.username.toUtf8();
                curl.set(CURLOPT_URL, url.constData());
                curl.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
                // STARTTLS or nothing: a server (or a man in the middle) that does not offer it
                // gets no mail, and AUTH never crosses the wire in clear.
                curl.set(CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
                curl.set(CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
                curl.set(CURLOPT_SSL_VERIFYPEER, 1L);
                curl.set(CURLOPT_SSL_VERIFYHOST, 2L);
                if (!caFile.isEmpty()) {
                    curl.set(CURLOPT_CAINFO, caFile.constData());
                    // Debian's libcurl also has a default CA directory: cleared, the pinned
                    // CA is the only one trusted.
                    curl.set(CURLOPT_CAPATH, static_cast<const char *>(nullptr));
                }
                if (!username.isEmpty()) {
                    curl.set(CURLOPT_USERNAME, username.constData());
                    curl.set(CURLOPT_PASSWORD, password.constData());
                }
                curl.set(CURLOPT_MAIL_FROM, mailFrom.constData());
                curl.addRecipient('<' + row.recipient.toLatin1() + '>');
                curl.set(CURLOPT_READFUNCTION, &readUpload);
                curl.set(CURLOPT_READDATA, &upload);
                curl.set(CURLOPT_UPLOAD, 1L);
                curl.set(CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.data.size()));
                curl.set(CURLOPT_TIMEOUT, long(m_settings.timeoutSeconds));
                curl.set(CURLOPT_CONNECTTIMEOUT, long(std::min(m_settings.timeoutSeconds, 10)));
                // Signals cannot time out name look-ups in a multi-threaded program.
                curl.set(CURLOPT_NOSIGNAL, 1L);
                return curl.perform();
            }();

            const qint64 done = m_clock.now().toMSecsSinceEpoch();
            const QString &failure = outcome.reason;
            if (failure.isEmpty()) {
                auto marked = runQuery(db,
                                       u"UPDATE outbox SET sent_at = ?, last_error = NULL "
                                       "WHERE id = ? AND next_attempt_at = ?"_s,
                                       {done, row.id, lease}, u"mark outbox row sent"_s);
                if (!marked || marked.value().numRowsAffected() != 1)
                    qCWarning(lcMail) << "outbox mail" << row.id
                                      << "was sent but its lease had ended; it may go twice";
                qCInfo(lcMail).noquote()
                    << "outbox mail" << row.id << "delivered to" << maskedAddress(row.recipient);
                ++delivered;
                continue;
            }
            // A permanent refusal uses up the attempts at once: it is kept, not retried.
            const int attempts = outcome.permanent
                ? std::max(m_settings.maxAttempts, row.attempts + 1)
                : row.attempts + 1;
            const qint64 next = done + retryDelayMs(row.attempts);
            auto failed =
                runQuery(db,
                         u"UPDATE outbox SET attempts = ?, last_error = ?, "
                         "next_attempt_at = ? WHERE id = ? AND next_attempt_at = ?"_s,
                         {attempts, failure, next, row.id, lease}, u"record outbox failure"_s);
            if (!failed || failed.value().numRowsAffected() != 1)
                qCWarning(lcMail) << "outbox mail" << row.id
                                  << "failed after its lease had ended; the failure is not kept";
            if (attempts >= m_settings.maxAttempts)
                qCWarning(lcMail).noquote()
                    << "outbox mail" << row.id << "to" << maskedAddress(row.recipient)
                    << "given up after" << attempts << "attempts:" << failure;
            else
                qCInfo(lcMail).noquote()
                    << "outbox mail" << row.id << "to" << maskedAddress(row.recipient)
                    << u"failed (attempt %1):"_s.arg(attempts) << failure;
        }
        if (qsizetype(rows.size()) < m_settings.batchSize)
            break;
    }
    return delivered;
}

void OutboxSender::start(int intervalMs)
{
    m_timer.start(intervalMs);
    runPass();
}

void OutboxSender::stop()
{
    m_timer.stop();
    m_pool.waitForDone();
}

void OutboxSender::runPass()
{
    if (m_passRunning.exchange(true))
        return;
    m_pool.start([this] {
        const int delivered = deliverDue();
        m_passRunning = false;
        // Queued to the sender's thread; dropped with the sender if it is gone by then.
        QMetaObject::invokeMethod(
            this, [this, delivered] { Q_EMIT passFinished(delivered); }, Qt::QueuedConnection);
    });
}

} // namespace tc::backend
