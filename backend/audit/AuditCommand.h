#pragma once

#include <QString>
#include <QStringList>

namespace tc::backend::audit {

// The audit commands of auth-backend (BackendMain only dispatches here):
//   auth-backend audit verify [--config FILE]   exit 0 intact, 1 broken, 78 config, 69 database
//   auth-backend audit keygen --out FILE        a new Ed25519 signing key (0600); prints the
//                                               public key (PEM) for verify-only machines
//   auth-backend purge [--config FILE]          the retention job once (for cron)
// `arguments` are the command line after the program name ("audit", "verify", "--config", …).
int runAuditCommand(const QStringList &arguments, const QString &defaultConfigPath);

} // namespace tc::backend::audit
