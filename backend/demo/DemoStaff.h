#pragma once

#include "Result.h"

#include <QString>

namespace tc::backend {
class Database;
namespace staff {
class StaffAccounts;
}
} // namespace tc::backend

namespace tc::backend::demo {

struct DemoStaffReport
{
    bool seeded = false; // false: staff users existed already; nothing was written
    int users = 0;
    QString csvPath;
};

// The demo's staff users, so that trainees can sign in to the console: for each institution a
// teller per office (兵庫ひまわり: 001–007; ぐんまみらい: its one demo office), a support agent
// and a supervisor, all with the password DemoStaff::Password. Demo only: production has no
// default users (`auth-backend staff add` makes them).
namespace DemoStaff {

inline constexpr QLatin1StringView CsvFileName {"demo-staff.csv"};
inline constexpr QLatin1StringView Password {"demo-password-2026"};

// Creates the users when the database has no staff user yet (also in a demo database made
// before staff existed), and writes them with their passwords to demo-staff.csv in `filesDir`
// (UTF-8 with BOM, mode 0600).
Result<DemoStaffReport> seedIfEmpty(Database &database, staff::StaffAccounts &accounts,
                                    const QString &filesDir);

} // namespace DemoStaff
} // namespace tc::backend::demo
