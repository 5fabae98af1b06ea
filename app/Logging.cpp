#include "Logging.h"

namespace tc {

// Debug messages are opt-in (QT_LOGGING_RULES="tc.console.debug=true").
Q_LOGGING_CATEGORY(lcConsole, "tc.console", QtInfoMsg)

} // namespace tc
