#include "StaffPrincipal.h"

using namespace Qt::StringLiterals;

namespace tc::backend::staff {

QString roleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Teller:
        return u"teller"_s;
    case StaffRole::Support:
        return u"support"_s;
    case StaffRole::Supervisor:
        return u"supervisor"_s;
    }
    return {};
}

std::optional<StaffRole> roleFromName(QStringView name)
{
    for (const StaffRole role : {StaffRole::Teller, StaffRole::Support, StaffRole::Supervisor}) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

} // namespace tc::backend::staff
