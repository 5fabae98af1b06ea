#include "RoleGate.h"

namespace tc {

using permissions::StaffAction;

bool RoleGate::offers(StaffAction action) const
{
    return permissions::roleMay(m_role, action);
}

QString RoleGate::whyNot(StaffAction action) const
{
    return offers(action) ? QString() : refusalText(action);
}

QString RoleGate::refusalText(StaffAction action)
{
    switch (action) {
    case StaffAction::ViewCustomers:
        return tr("Your role may not look up customers.");
    case StaffAction::ViewAnyBranch:
        return tr("Tellers see the customers and activity of their own branch only.");
    case StaffAction::SeeFullPersonalData:
        return tr("Support staff see birth dates and phone numbers partly hidden.");
    case StaffAction::ReleaseLock:
        return tr("Your role may not clear a lock early.");
    case StaffAction::RevokeLinkage:
        return tr("Your role may not revoke an app linkage.");
    case StaffAction::CallerCheck:
        return tr("Caller checks are for tellers and phone support; a supervisor acts on the "
                  "reason alone.");
    case StaffAction::DecideReleaseRequest:
        return tr("Only a supervisor may approve or reject an early release.");
    case StaffAction::SuspendApp:
        return tr("Only a supervisor may suspend or resume an app.");
    case StaffAction::ReadAudit:
        return tr("Only a supervisor may read the audit log.");
    case StaffAction::DailyReport:
        return tr("Only a supervisor may see the daily report.");
    }
    return tr("Your role may not do this.");
}

} // namespace tc
