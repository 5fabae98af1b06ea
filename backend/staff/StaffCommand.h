#pragma once

#include <QString>
#include <QStringList>

namespace tc::backend::staff {

// `auth-backend staff …`: the operator's management of staff users, on the database the
// configuration names (the server may be running). `arguments` are those after "staff":
//
//   add --institution ID --username NAME --display-name TEXT --role teller|support|supervisor
//       [--branch CODE] [--totp]
//   passwd USERNAME | disable USERNAME | enable USERNAME | reset-totp USERNAME
//   list [--institution ID]
//
// each with [--config FILE]. Passwords are read from standard input, never from the command
// line: prompted twice without echo on a terminal, else one line. An otpauth:// URI is printed
// once when a TOTP secret is made. Exit status: 0, 64 (usage), 65 (EX_DATAERR: refused input
// such as a short password or an unknown user), 69 (database or key unavailable), 78 (config).
int runStaffCommand(const QStringList &arguments, const QString &defaultConfigPath);

} // namespace tc::backend::staff
