#pragma once

namespace tc {

// Everything main() does: command line, language, settings, the main window, the event loop.
int runTellerConsole(int argc, char *argv[]);

} // namespace tc
