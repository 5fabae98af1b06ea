#include "DemoDirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

Error problem(const QString &text)
{
    return Error {.key = u"demo"_s, .message = text};
}

} // namespace

Result<DemoDirectory> DemoDirectory::read(const QString &folder, const QString &username)
{
    const QDir dir(folder);
    DemoDirectory demo;
    demo.caFile = dir.filePath(u"tls/ca.pem"_s);
    if (!QFile::exists(demo.caFile))
        return problem(QCoreApplication::translate("tc::DemoDirectory",
                                                   "%1 is not a demo folder (no tls/ca.pem).")
                           .arg(folder));
    // [server] listen = 127.0.0.1:8443
    const QSettings config(dir.filePath(u"auth-backend.ini"_s), QSettings::IniFormat);
    const QString listen = config.value(u"server/listen"_s, u"127.0.0.1:8443"_s).toString();
    demo.baseUrl = QUrl(u"https://"_s + listen);

    QFile staff(dir.filePath(u"demo-staff.csv"_s));
    if (!staff.open(QIODevice::ReadOnly))
        return problem(QCoreApplication::translate("tc::DemoDirectory", "%1 has no demo-staff.csv.")
                           .arg(folder));
    // institution,username,password,role,branch_code,display_name (UTF-8 with a BOM)
    const QStringList lines =
        QString::fromUtf8(staff.readAll()).remove(QChar(0xFEFF)).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList fields = line.trimmed().split(u',');
        if (fields.size() < 5)
            continue;
        const bool wanted = username.isEmpty() ? fields.at(3) == u"teller"_s
                && fields.at(4) == u"001"_s && fields.at(0) == u"hyogo-himawari"_s
                                               : fields.at(1) == username;
        if (wanted) {
            demo.username = fields.at(1);
            demo.password = fields.at(2);
            return demo;
        }
    }
    if (!username.isEmpty())
        return problem(
            QCoreApplication::translate("tc::DemoDirectory", "demo-staff.csv has no user %1.")
                .arg(username));
    return problem(QCoreApplication::translate("tc::DemoDirectory",
                                               "demo-staff.csv names no teller of branch 001."));
}

} // namespace tc
