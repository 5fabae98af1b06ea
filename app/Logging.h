#pragma once

#include <QLoggingCategory>

namespace tc {

// "tc.console": start-up, language and settings of the console. Never personal data.
Q_DECLARE_LOGGING_CATEGORY(lcConsole)

} // namespace tc
