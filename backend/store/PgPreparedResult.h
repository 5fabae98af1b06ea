#pragma once

#include <QSqlDatabase>
#include <QSqlResult>

#include <memory>

namespace tc::backend {

// A QSqlResult for prepared statements on a connection of Qt's PostgreSQL driver (QPSQL) that
// talks to the server through libpq's extended protocol on the driver's own connection: the
// statement is parsed and planned once (PQprepare), and each run sends only its values
// (PQexecPrepared). QPSQL runs a prepared statement as the text `EXECUTE name(literal, …)`,
// which the server parses again on every call with its values as SQL literals
// (docs/decisions.md, "PostgreSQL statements through libpq").
//
// For runQuery(): prepare() with `?` placeholders, bindValue() by position, exec(), then
// next()/value() as with any QSqlQuery; values come back as QPSQL's would (bool, int,
// qlonglong, double, QByteArray for bytea, QString for the rest). The whole result is read at
// exec() (no single-row mode). Not for unprepared text (QSqlQuery::exec(QString)). Like a query
// of QPSQL, it ends a QPSQL query on the same connection that is still being read.
//
// Null when `db` is not an open QPSQL connection. A QSqlQuery constructed from the result owns it.
std::unique_ptr<QSqlResult> createPgPreparedResult(const QSqlDatabase &db);

} // namespace tc::backend
