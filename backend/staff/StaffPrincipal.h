#pragma once

#include "StaffPermissions.h"

#include <QString>

#include <optional>

namespace tc::backend::staff {

enum class StaffRole { Teller, Support, Supervisor };

// "teller", "support", "supervisor": the names the database and the API use.
QString roleName(StaffRole role);
std::optional<StaffRole> roleFromName(QStringView name);

// Who is calling the staff API, as the session behind its bearer token says. Every staff
// endpoint asks this object, never the request, what the caller may see.
struct StaffPrincipal
{
    qint64 staffId = 0;
    qint64 sessionId = 0;
    QString username;
    QString displayName;
    QString institutionId;
    StaffRole role = StaffRole::Teller;
    std::optional<qint64> branchId; // a teller's own branch; others may have none

    // What the caller's role may do: core/StaffPermissions decides, for the console too.
    bool may(permissions::StaffAction action) const
    {
        return permissions::roleMay(roleName(role), action);
    }
    // Tellers see the accounts of their own branch only; the others every branch of their
    // institution.
    bool seesAllBranches() const { return may(permissions::StaffAction::ViewAnyBranch); }
    bool maySeeBranch(qint64 branch) const { return seesAllBranches() || branchId == branch; }
    // Birth dates and phone numbers partly hidden (support staff).
    bool masksPersonalData() const { return !may(permissions::StaffAction::SeeFullPersonalData); }
};

} // namespace tc::backend::staff
