#pragma once

#include "ServiceCalendar.h"

#include <QString>

namespace tc {

// The one place a closure reason becomes words for staff (translated).
QString closureReasonText(ClosureReason reason);

// The reasons of a window in words, joined, followed by the notes of announced maintenance; the
// daily pauses are left out when a longer closure swallows them.
QString closureReasonsText(const ServiceWindow &window);

} // namespace tc
