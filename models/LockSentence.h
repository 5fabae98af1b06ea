#pragma once

#include "Protocol.h"
#include "UiLanguage.h"

#include <QDateTime>
#include <QString>

namespace tc {

// One of an account's locks as one sentence for the customer view, at `now`:
// "Identity locked until 00:00 JST (in 3 h 12 min), 5 failures today; new attempts get code B84"
// (a PIN lock: D84), "Identity released early at 14:02 JST, 0 failures since (locks at 5)",
// "PIN not locked, 2 failures today (locks at 3)". The release shows its day when it is not the
// coming midnight.
QString lockSentence(const protocol::AccountLock &lock, const QDateTime &now, UiLanguage language);

// The code a new attempt gets while the lock is on: B84 (identity) or D84 (PIN).
QString lockedCode(const QString &lockKind);

} // namespace tc
