// practica-cli's entry point: reads the command line, runs one command and returns the exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace practica::app {

// arguments excludes the program name. Errors go to err as one line starting "practica-cli: ".
int runCli(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace practica::app
