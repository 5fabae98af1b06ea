#include "Clock.h"

namespace tc {

Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace tc
