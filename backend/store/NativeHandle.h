#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <algorithm>
#include <initializer_list>

namespace tc::backend {

// Qt's drivers hand out their native handle as a QVariant whose type is named after the C type
// ("sqlite3*"; "PGconn*" is a typedef of struct pg_conn, named either way). Null when the
// connection has another driver or no handle.
template<typename Handle>
Handle *nativeHandle(const QSqlDatabase &db, std::initializer_list<const char *> typeNames)
{
    if (!db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid()
        || std::none_of(typeNames.begin(), typeNames.end(),
                        [&](const char *name) { return qstrcmp(handle.typeName(), name) == 0; }))
        return nullptr;
    return *static_cast<Handle *const *>(handle.constData());
}

} // namespace tc::backend
