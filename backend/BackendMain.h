#pragma once

namespace tc::backend {

// Exit codes of auth-backend, following sysexits.h so service managers can tell them apart.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 64, // EX_USAGE: bad command line
    ExitUnavailable = 69, // EX_UNAVAILABLE: the database, a key or the port cannot be used
    ExitConfig = 78, // EX_CONFIG: the configuration file is missing, malformed or invalid
};

// The whole of auth-backend's main(): command line, configuration, then the chosen command.
int runAuthBackend(int argc, char *argv[]);

} // namespace tc::backend
