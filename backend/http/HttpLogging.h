#pragma once

#include <QLoggingCategory>

namespace tc::backend::http {

// Connections, refusals and handler failures. Never request bodies (they carry PINs) nor query
// strings; handlers are named by their route pattern, not by the path that carried the ids.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace tc::backend::http
