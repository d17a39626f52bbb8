#include "cli/commands.h"

int main(int argc, char** argv) { return nianbao::RunCli(argc, argv); }
