#pragma once

#include "Result.h"

#include <QString>
#include <QUrl>

namespace tc {

// What the console needs from the folder of `auth-backend --demo`: the address it listens on,
// its demo CA, and a demo staff user — the teller of 本店営業部 unless another is named (training
// data only: the demo writes the staff passwords to demo-staff.csv for trainees).
struct DemoDirectory
{
    QUrl baseUrl;
    QString caFile;
    QString username;
    QString password;

    static Result<DemoDirectory> read(const QString &folder, const QString &username = {});
};

} // namespace tc
