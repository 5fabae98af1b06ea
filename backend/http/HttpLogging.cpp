#include "HttpLogging.h"

namespace tc::backend::http {

Q_LOGGING_CATEGORY(lcHttp, "tc.backend.http")

} // namespace tc::backend::http
