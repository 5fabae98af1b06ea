#pragma once

#include "Protocol.h"

#include <QDateTime>
#include <QString>

namespace tc {

// INTERIM: the models helper's lock sentence helper replaces this file when it lands (the
// same signature is expected); until then the views use this one.
// "locked until 00:00 JST (in 3 h 12 min), 5 of 5 failures today" / "2 of 5 failures today".
QString lockSentence(const protocol::AccountLock &lock, const QDateTime &now);

} // namespace tc
