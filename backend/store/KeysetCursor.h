#pragma once

#include "ErrorCodes.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tc::backend {

// Where a page of a list newest first by (at, id) ended: the (at, id) of its last row, as an
// opaque text for clients (next_cursor); the next page continues below it. A page deep in
// millions of rows is then one index range, not an offset walked through.
struct KeysetCursor
{
    qint64 at = 0;
    qint64 id = 0;

    QString text() const
    {
        const QByteArray token = QByteArray::number(at) + '.' + QByteArray::number(id);
        return QString::fromLatin1(
            token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    // A cursor this server did not give is G01.
    static Result<KeysetCursor> fromText(const QString &text)
    {
        const QByteArray decoded = QByteArray::fromBase64(
            text.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        const QList<QByteArray> parts = decoded.split('.');
        bool atOk = false;
        bool idOk = false;
        KeysetCursor cursor;
        if (parts.size() == 2) {
            cursor.at = parts[0].toLongLong(&atOk);
            cursor.id = parts[1].toLongLong(&idOk);
        }
        if (!atOk || !idOk)
            return Error {QString(codes::MalformedRequest),
                          QStringLiteral("cursor is not one this server gave")};
        return cursor;
    }
};

} // namespace tc::backend
