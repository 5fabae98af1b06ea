#pragma once

// A fixture's set-up steps that cannot fail in a sound test run: a failure ends the program with
// what failed, instead of every later check failing for a reason it does not name.
#include "Database.h"
#include "Result.h"

#include <QtGlobal>

namespace tc::test {

template<typename T>
T must(const Result<T> &result, const char *what)
{
    if (!result)
        qFatal("%s: %s", what, qPrintable(result.error().message));
    return result.value();
}

inline void mustDo(const Status &status, const char *what)
{
    if (!status)
        qFatal("%s: %s", what, qPrintable(status.error().message));
}

inline backend::Statement mustRun(const QSqlDatabase &db, const QString &sql,
                                  const QVariantList &values, const char *what)
{
    Result<backend::Statement> statement = backend::runQuery(db, sql, values);
    if (!statement)
        qFatal("%s: %s", what, qPrintable(statement.error().message));
    return std::move(statement).value();
}

// The one number a query answers (a COUNT(*)).
inline qint64 mustCount(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                        const char *what)
{
    backend::Statement statement = mustRun(db, sql, values, what);
    if (!statement.next())
        qFatal("%s: no row", what);
    return statement.value(0).toLongLong();
}

} // namespace tc::test
