#pragma once

#include "StaffPermissions.h"

#include <QCoreApplication>
#include <QString>

namespace tc {

// What the console offers a signed-in role, from core/StaffPermissions (the table the backend
// enforces): an action the role may not take is shown disabled (or left out) with the sentence
// why, so staff see their role's limits instead of discovering them from a refusal.
class RoleGate final
{
    Q_DECLARE_TR_FUNCTIONS(tc::RoleGate)

public:
    explicit RoleGate(QString role) : m_role(std::move(role)) { }

    const QString &role() const { return m_role; }
    bool offers(permissions::StaffAction action) const;
    // Empty when offered; else why not, for the disabled control's tooltip (translated).
    QString whyNot(permissions::StaffAction action) const;

    // Enables `control` (a QAction or a QWidget) when the role may take `action`; otherwise
    // disables it and sets the tooltip to why not.
    template<typename Control>
    void apply(Control *control, permissions::StaffAction action) const
    {
        const bool offered = offers(action);
        control->setEnabled(offered);
        if (!offered)
            control->setToolTip(whyNot(action));
    }

    // The sentence for `action` whatever the role (for the tables of tests and help).
    static QString refusalText(permissions::StaffAction action);

private:
    QString m_role;
};

} // namespace tc
