#pragma once

#include "Protocol.h"
#include "Result.h"
#include "StaffPrincipal.h"

#include <QSqlDatabase>
#include <QString>

// Caller checks: a support agent (or a teller) on the phone types what the caller says about
// themselves; the backend compares it with the customer's stored data and answers per field
// match / no match, never the stored values. A passed check's id, sent with a release or a
// revocation by the same staff user on the same customer within ValiditySeconds, is the proof
// that the caller is the customer (core/StaffPermissions.h identityProofFor).
namespace tc::backend::staff::CallerChecks {

inline constexpr int ValiditySeconds = 600;

// How many checks may be made within the last hour (staff/caller_check_* settings).
struct Limits
{
    int failuresPerCustomerPerHour = 5;
    int checksPerStaffPerHour = 20;
};

// Compares what the caller said with customer `customerId`'s stored data and records the check.
// S06 for a customer outside the caller's scope, S12 past a limit, G01 for input that cannot be
// compared (nothing given, a malformed date, an account half given, …).
Result<protocol::CallerCheckResult> check(const QSqlDatabase &db, const StaffPrincipal &caller,
                                          qint64 customerId,
                                          const protocol::CallerCheckRequest &said,
                                          const Limits &limits, qint64 nowMs);

// Whether `checkId` names a passed check of `customerId` made by `caller` that has not expired.
Result<bool> isValid(const QSqlDatabase &db, const StaffPrincipal &caller, const QString &checkId,
                     qint64 customerId, qint64 nowMs);

} // namespace tc::backend::staff::CallerChecks
