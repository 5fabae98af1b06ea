#include "PgPreparedResult.h"

#include "NativeHandle.h"

#include <QAtomicInteger>
#include <QDate>
#include <QDateTime>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>
#include <QTime>

#include <libpq-fe.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace tc::backend {
namespace {

// PostgreSQL's type OIDs (pg_type.dat) and the types QPSQL decodes them to; any other is text.
struct DecodedType
{
    Oid oid;
    QMetaType::Type type;
};
constexpr DecodedType DecodedTypes[] = {
    {16, QMetaType::Bool}, // bool
    {17, QMetaType::QByteArray}, // bytea
    {20, QMetaType::LongLong}, // int8
    {21, QMetaType::Int}, // int2
    {23, QMetaType::Int}, // int4
    {26, QMetaType::Int}, // oid
    {700, QMetaType::Double}, // float4
    {701, QMetaType::Double}, // float8
    {1700, QMetaType::Double}, // numeric
    {1082, QMetaType::QDate}, // date
    {1083, QMetaType::QTime}, // time
    {1114, QMetaType::QDateTime}, // timestamp
    {1184, QMetaType::QDateTime}, // timestamptz
};

QMetaType metaTypeOf(Oid oid)
{
    for (const DecodedType &decoded : DecodedTypes) {
        if (decoded.oid == oid)
            return QMetaType(decoded.type);
    }
    return QMetaType::fromType<QString>();
}

// `?` placeholders (outside quoted text and identifiers) as PostgreSQL's `$1`, `$2`, ….
QByteArray numberedPlaceholders(const QString &sql)
{
    QString numbered;
    numbered.reserve(sql.size() + 16);
    QChar quote;
    int count = 0;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'?') {
            numbered += u'$' + QString::number(++count);
            continue;
        }
        numbered += c;
    }
    return numbered.toUtf8();
}

// One bound value in libpq's form: text, except bytea as binary (no escaping either way).
struct Parameter
{
    QByteArray bytes;
    bool null = false;
    bool binary = false;
};

Parameter parameterOf(const QVariant &value)
{
    if (value.isNull())
        return {.null = true};
    switch (value.typeId()) {
    case QMetaType::Bool:
        return {.bytes = value.toBool() ? "true" : "false"};
    case QMetaType::QByteArray:
        return {.bytes = value.toByteArray(), .binary = true};
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return {.bytes = value.toString().toLatin1()};
    case QMetaType::Double:
    case QMetaType::Float:
        return {.bytes = QByteArray::number(value.toDouble(), 'g', 17)};
    case QMetaType::QDate:
        return {.bytes = value.toDate().toString(Qt::ISODate).toLatin1()};
    case QMetaType::QDateTime:
        return {.bytes = value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toLatin1()};
    default:
        return {.bytes = value.toString().toUtf8()};
    }
}

class PgPreparedResult final : public QSqlResult
{
public:
    PgPreparedResult(const QSqlDriver *driver, PGconn *connection)
        : QSqlResult(driver), m_connection(connection)
    { }

    ~PgPreparedResult() override
    {
        clear();
        // The statement lives on the server until DEALLOCATE or the end of the connection;
        // a connection's cache keeps the statements it reuses, so this is the rest.
        // Not on a closed connection (the pointer is stale then), not while another query is
        // being read, nor in a failed transaction (which refuses it): the connection's end
        // frees the statement then.
        if (m_name.isEmpty() || !driver() || !driver()->isOpen()
            || PQstatus(m_connection) != CONNECTION_OK)
            return;
        if (const PGTransactionStatusType state = PQtransactionStatus(m_connection);
            state == PQTRANS_IDLE || state == PQTRANS_INTRANS) {
            const QByteArray deallocate = "DEALLOCATE " + m_name;
            PQclear(PQexec(m_connection, deallocate.constData()));
        }
    }

protected:
    bool prepare(const QString &query) override
    {
        clear();
        static QAtomicInteger<quint64> serial;
        const QByteArray name = "tc_" + QByteArray::number(++serial);
        if (!ready())
            return false;
        const QByteArray sql = numberedPlaceholders(query);
        PGresult *prepared = PQprepare(m_connection, name.constData(), sql.constData(), 0, nullptr);
        const bool ok = PQresultStatus(prepared) == PGRES_COMMAND_OK;
        if (!ok)
            fail(u"Unable to prepare statement"_s, prepared);
        PQclear(prepared);
        if (ok)
            m_name = name;
        return ok;
    }

    bool exec() override
    {
        clear();
        if (m_name.isEmpty() || !ready())
            return false;
        const QVariantList values = boundValues();
        std::vector<Parameter> parameters;
        parameters.reserve(values.size());
        for (const QVariant &value : values)
            parameters.push_back(parameterOf(value));
        std::vector<const char *> texts;
        std::vector<int> lengths;
        std::vector<int> formats;
        for (const Parameter &p : parameters) {
            texts.push_back(p.null ? nullptr : p.bytes.constData());
            lengths.push_back(int(p.bytes.size()));
            formats.push_back(p.binary ? 1 : 0);
        }
        m_result = PQexecPrepared(m_connection, m_name.constData(), int(values.size()),
                                  texts.data(), lengths.data(), formats.data(), 0);
        switch (PQresultStatus(m_result)) {
        case PGRES_TUPLES_OK:
            setSelect(true);
            setActive(true);
            return true;
        case PGRES_COMMAND_OK:
            setSelect(false);
            setActive(true);
            return true;
        default:
            fail(u"Unable to execute statement"_s, m_result);
            clear();
            return false;
        }
    }

    bool reset(const QString &) override
    {
        setLastError(QSqlError(u"Unprepared text is run by Qt's own QPSQL result"_s, {},
                               QSqlError::StatementError));
        return false;
    }

    bool fetch(int row) override
    {
        if (!isActive() || !isSelect() || row < 0 || row >= PQntuples(m_result))
            return false;
        setAt(row);
        return true;
    }
    bool fetchFirst() override { return fetch(0); }
    bool fetchLast() override { return m_result && fetch(PQntuples(m_result) - 1); }

    QVariant data(int column) override
    {
        if (!m_result || column < 0 || column >= PQnfields(m_result) || at() < 0)
            return {};
        const QMetaType type = metaTypeOf(PQftype(m_result, column));
        if (PQgetisnull(m_result, at(), column))
            return QVariant(type);
        const char *text = PQgetvalue(m_result, at(), column);
        const QByteArray value = QByteArray::fromRawData(text, PQgetlength(m_result, at(), column));
        switch (type.id()) {
        case QMetaType::Bool:
            return text[0] == 't';
        case QMetaType::LongLong:
            return value.toLongLong();
        case QMetaType::Int:
            return value.toInt();
        case QMetaType::Double:
            return value.toDouble();
        case QMetaType::QDate:
            return QDate::fromString(QString::fromLatin1(value), Qt::ISODate);
        case QMetaType::QTime:
            return QTime::fromString(QString::fromLatin1(value), Qt::ISODate);
        case QMetaType::QDateTime:
            return QDateTime::fromString(QString::fromLatin1(value), Qt::ISODate);
        case QMetaType::QByteArray: {
            size_t length = 0;
            unsigned char *bytes =
                PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &length);
            QByteArray decoded(reinterpret_cast<const char *>(bytes), qsizetype(length));
            PQfreemem(bytes);
            return decoded;
        }
        default:
            return QString::fromUtf8(value);
        }
    }

    bool isNull(int column) override
    {
        return !m_result || at() < 0 || PQgetisnull(m_result, at(), column);
    }

    int size() override { return m_result && isSelect() ? PQntuples(m_result) : -1; }

    int numRowsAffected() override
    {
        return m_result ? QByteArray(PQcmdTuples(m_result)).toInt() : -1;
    }

    QSqlRecord record() const override
    {
        QSqlRecord record;
        if (!m_result || !isSelect())
            return record;
        for (int i = 0; i < PQnfields(m_result); ++i)
            record.append(QSqlField(QString::fromUtf8(PQfname(m_result, i)),
                                    metaTypeOf(PQftype(m_result, i))));
        return record;
    }

    QVariant handle() const override { return {}; }

private:
    bool ready()
    {
        if (PQstatus(m_connection) != CONNECTION_OK) {
            fail(u"Connection lost"_s, nullptr);
            return false;
        }
        // As QPSQL does before it sends a query: one of its queries still read row by row
        // (single-row mode, even when its one row has been read) gives up what it has not read.
        while (PGresult *unread = PQgetResult(m_connection))
            PQclear(unread);
        return true;
    }

    void fail(const QString &what, const PGresult *result)
    {
        const char *sqlState = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const QString message =
            QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_connection))
                .trimmed();
        setLastError(QSqlError(what, message, QSqlError::StatementError,
                               sqlState ? QString::fromLatin1(sqlState) : QString()));
    }

    void clear()
    {
        if (m_result)
            PQclear(m_result);
        m_result = nullptr;
        setAt(QSql::BeforeFirstRow);
        setActive(false);
    }

    PGconn *m_connection;
    QByteArray m_name; // of the server's prepared statement; empty before prepare()
    PGresult *m_result = nullptr;
};

} // namespace

std::unique_ptr<QSqlResult> createPgPreparedResult(const QSqlDatabase &db)
{
    if (!db.isOpen())
        return nullptr;
    PGconn *connection = nativeHandle<PGconn>(db, {"PGconn*", "pg_conn*"});
    if (!connection)
        return nullptr;
    return std::make_unique<PgPreparedResult>(db.driver(), connection);
}

} // namespace tc::backend
