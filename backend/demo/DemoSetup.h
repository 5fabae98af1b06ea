#pragma once

#include "Result.h"

#include <QString>

namespace tc::backend::demo {

// The files of a self-contained demo folder (`auth-backend --demo [--demo-dir DIR]`).
struct DemoFolder
{
    QString dir;
    QString configPath; // auth-backend.ini
    QString caCertificatePath; // tls/ca.pem: what clients pin
    QString webhookSecretPath; // webhook.key
};

namespace DemoSetup {

// $XDG_DATA_HOME/teller-console-demo (~/.local/share/teller-console-demo).
QString defaultDirectory();

// The folder's file names, whether or not they exist yet.
DemoFolder folder(const QString &dir);

// Creates whatever is missing, keeping what exists (so a restart keeps its keys, certificates
// and database): a demo-only certificate authority and a server certificate for 127.0.0.1 and
// localhost (openssl command line), the PIN key and the webhook secret (mode 0600), and a
// configuration listening on 127.0.0.1:8443 with an SQLite database beside it.
Result<DemoFolder> prepare(const QString &dir);

} // namespace DemoSetup
} // namespace tc::backend::demo
