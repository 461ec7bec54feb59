#pragma once

namespace chibo::cli {

// The command line: serve, migrate, demo, user add, routes. The only composition root: it opens the
// store, builds the use cases and the HTTP surface, and wires them together. Returns the exit code.
int Run(int argc, char** argv);

}  // namespace chibo::cli
