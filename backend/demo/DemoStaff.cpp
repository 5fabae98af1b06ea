#include "DemoStaff.h"

#include "Database.h"
#include "DemoData.h"
#include "StaffAccounts.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace tc::backend::demo {

namespace {

struct DemoUser
{
    QString institutionId;
    QString username;
    QString displayName;
    staff::StaffRole role;
    QString branchCode;
};

QList<DemoUser> demoUsers()
{
    using staff::StaffRole;
    const QString hyogo(DemoData::HyogoId);
    const QString gunma(DemoData::GunmaId);
    QList<DemoUser> users;
    const QStringList hyogoOffices {u"本店営業部"_s, u"三宮支店"_s,   u"尼崎支店"_s, u"姫路支店"_s,
                                    u"西宮支店"_s,   u"加古川支店"_s, u"伊丹支店"_s};
    for (int i = 0; i < hyogoOffices.size(); ++i) {
        const QString code = u"%1"_s.arg(i + 1, 3, 10, QLatin1Char('0'));
        users.append({hyogo, u"himawari.teller"_s + code, u"窓口係(デモ) "_s + hyogoOffices.at(i),
                      StaffRole::Teller, code});
    }
    users.append({hyogo, u"himawari.support"_s, u"電話サポート(デモ)"_s, StaffRole::Support, {}});
    users.append(
        {hyogo, u"himawari.supervisor"_s, u"責任者(デモ)"_s, StaffRole::Supervisor, u"001"_s});
    users.append(
        {gunma, u"gunma.teller001"_s, u"窓口係(デモ) 本店営業部"_s, StaffRole::Teller, u"001"_s});
    users.append({gunma, u"gunma.support"_s, u"お客様相談室(デモ)"_s, StaffRole::Support, {}});
    users.append({gunma, u"gunma.supervisor"_s, u"責任者(デモ)"_s, StaffRole::Supervisor, {}});
    return users;
}

} // namespace

Result<DemoStaffReport> DemoStaff::seedIfEmpty(Database &database, staff::StaffAccounts &accounts,
                                               const QString &filesDir)
{
    DemoStaffReport report;
    report.csvPath = QDir(filesDir).filePath(QString(CsvFileName));
    auto existing = runQuery(database.connection(), u"SELECT COUNT(*) FROM staff_users"_s, {},
                             u"count staff users"_s);
    if (!existing)
        return existing.error();
    if (!existing.value().next())
        return Database::failure(u"count staff users"_s, {});
    if (existing.value().value(0).toLongLong() > 0)
        return report;

    QByteArray csv = "\xEF\xBB\xBF"
                     "institution,username,password,role,branch_code,display_name\r\n";
    for (const DemoUser &user : demoUsers()) {
        // A database seeded by someone else (a test's own data) may lack some of the demo's
        // offices: staff of those are left out rather than refusing the whole demo.
        auto office = runQuery(database.connection(),
                               u"SELECT 1 FROM institutions i WHERE i.id = ? AND (? = '' OR "
                               "EXISTS (SELECT 1 FROM branches b WHERE b.institution_id = i.id "
                               "AND b.code = ?))"_s,
                               {user.institutionId, user.branchCode, user.branchCode},
                               u"demo staff office"_s);
        if (!office)
            return office.error();
        const bool officeExists = office.value().next();
        office.value().finish();
        if (!officeExists)
            continue;
        const Result<QString> added = accounts.addStaff({.institutionId = user.institutionId,
                                                         .username = user.username,
                                                         .displayName = user.displayName,
                                                         .role = user.role,
                                                         .branchCode = user.branchCode,
                                                         .password = QString(Password)});
        if (!added)
            return Error {added.error().key,
                          u"demo staff user %1: %2"_s.arg(user.username, added.error().message)};
        csv += QStringList {user.institutionId,         user.username,   QString(Password),
                            staff::roleName(user.role), user.branchCode, user.displayName}
                   .join(u',')
                   .toUtf8()
            + "\r\n";
        ++report.users;
    }
    QFile file(report.csvPath);
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!QDir().mkpath(filesDir)
        || !file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly)
        || !file.setPermissions(ownerOnly) || file.write(csv) != csv.size() || !file.flush())
        return Error {QString(), u"cannot write %1: %2"_s.arg(report.csvPath, file.errorString())};
    report.seeded = true;
    return report;
}

} // namespace tc::backend::demo
