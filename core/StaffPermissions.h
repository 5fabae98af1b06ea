#pragma once

#include <QString>
#include <QStringView>

// What each staff role may do, defined once: the backend's staff API enforces it on every call
// and the console shows it (absent or disabled actions with the reason). The server stays the
// authority; the console only reflects this table (and says why an action is disabled).
namespace tc::permissions {

enum class StaffAction {
    ViewCustomers, // search, customer detail, attempts, linkages, branch activity of own scope
    ViewAnyBranch, // customers and branch activity of every branch of the institution
    SeeFullPersonalData, // birth date and phone unmasked
    ReleaseLock, // clear an identity or PIN lock early (or request it under two-person control)
    RevokeLinkage,
    CallerCheck, // compare what a caller says with the stored customer data
    DecideReleaseRequest, // approve or reject another staff member's early release
    SuspendApp, // suspend or resume a client app for the institution
    ReadAudit,
    DailyReport,
};

// How a role must show it is acting for the customer when it changes something of theirs.
enum class IdentityProof {
    None, // supervisors: the reason is enough
    DocumentOrCallerCheck, // tellers: the identity document seen at the counter, or a passed check
    CallerCheck, // support: a caller check of that customer passed within the last 10 minutes
};

// "teller", "support", "supervisor"; an unknown role may do nothing.
bool roleMay(QStringView role, StaffAction action);
IdentityProof identityProofFor(QStringView role);

// Every action, for tables over roles × actions.
QList<StaffAction> allStaffActions();

} // namespace tc::permissions
