#include "Application.h"

int main(int argc, char *argv[])
{
    return tc::runTellerConsole(argc, argv);
}
