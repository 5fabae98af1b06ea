#include "BackendMain.h"

int main(int argc, char *argv[])
{
    return tc::backend::runAuthBackend(argc, argv);
}
