#include "StaffPermissions.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace tc::permissions {

namespace {

enum class Role { Teller, Support, Supervisor, Unknown };

Role roleOf(QStringView role)
{
    if (role == u"teller"_s)
        return Role::Teller;
    if (role == u"support"_s)
        return Role::Support;
    if (role == u"supervisor"_s)
        return Role::Supervisor;
    return Role::Unknown;
}

} // namespace

bool roleMay(QStringView role, StaffAction action)
{
    const Role who = roleOf(role);
    if (who == Role::Unknown)
        return false;
    switch (action) {
    case StaffAction::ViewCustomers:
    case StaffAction::ReleaseLock:
    case StaffAction::RevokeLinkage:
        return true;
    case StaffAction::ViewAnyBranch:
        return who != Role::Teller;
    case StaffAction::SeeFullPersonalData:
        return who != Role::Support;
    case StaffAction::CallerCheck:
        return who == Role::Support || who == Role::Teller;
    case StaffAction::DecideReleaseRequest:
    case StaffAction::SuspendApp:
    case StaffAction::ReadAudit:
    case StaffAction::DailyReport:
        return who == Role::Supervisor;
    }
    return false;
}

IdentityProof identityProofFor(QStringView role)
{
    switch (roleOf(role)) {
    case Role::Teller:
        return IdentityProof::DocumentOrCallerCheck;
    case Role::Support:
        return IdentityProof::CallerCheck;
    case Role::Supervisor:
    case Role::Unknown:
        break;
    }
    return IdentityProof::None;
}

QList<StaffAction> allStaffActions()
{
    return {StaffAction::ViewCustomers,
            StaffAction::ViewAnyBranch,
            StaffAction::SeeFullPersonalData,
            StaffAction::ReleaseLock,
            StaffAction::RevokeLinkage,
            StaffAction::CallerCheck,
            StaffAction::DecideReleaseRequest,
            StaffAction::SuspendApp,
            StaffAction::ReadAudit,
            StaffAction::DailyReport};
}

} // namespace tc::permissions
