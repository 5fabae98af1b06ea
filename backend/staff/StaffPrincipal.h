#pragma once

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

    // Tellers see the accounts of their own branch only; support and supervisors every branch
    // of their institution.
    bool seesAllBranches() const { return role != StaffRole::Teller; }
    bool maySeeBranch(qint64 branch) const { return seesAllBranches() || branchId == branch; }
    // Support staff see birth dates and phone numbers partly hidden.
    bool masksPersonalData() const { return role == StaffRole::Support; }
    bool isSupervisor() const { return role == StaffRole::Supervisor; }
};

} // namespace tc::backend::staff
