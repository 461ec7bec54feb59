#include "cli/cli.hpp"

int main(int argc, char** argv) {
    return chibo::cli::Run(argc, argv);
}
