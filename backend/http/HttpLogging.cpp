#include "HttpLogging.h"

namespace tc::backend::http {

// Info and above by default: the per-request debug line (method, route, status, time) costs
// about a fifth of the throughput of a trivial route (bench/RESULTS.md). Opt in with
// QT_LOGGING_RULES="tc.backend.http.debug=true", as the console's debug messages are.
Q_LOGGING_CATEGORY(lcHttp, "tc.backend.http", QtInfoMsg)

} // namespace tc::backend::http
