// Entry point: splits argv into the global part (before the command name) and the rest, and runs
// the shell. Exit codes: DESIGN.md §9.
#include <Poco/Exception.h>
#include <Poco/Util/OptionException.h>

#include <iostream>
#include <string>
#include <vector>

#include "shell.h"

int main(int argc, char** argv) {
  std::vector<std::string> global = {argc > 0 ? argv[0] : "koop"};
  std::vector<std::string> rest;
  int i = 1;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    bool takes_value = false;
    if (!koop::runner::IsGlobalOption(arg, &takes_value)) break;
    global.push_back(arg);
    if (takes_value && i + 1 < argc) global.push_back(argv[++i]);
  }
  for (; i < argc; ++i) rest.emplace_back(argv[i]);

  koop::runner::Shell shell(rest);
  try {
    shell.init(global);
  } catch (const Poco::Util::OptionException& e) {
    std::cerr << "koop: " << e.displayText() << "\nTry 'koop --help'.\n";
    return Poco::Util::Application::EXIT_USAGE;
  } catch (const Poco::Exception& e) {
    std::cerr << "koop: " << e.displayText() << '\n';
    return Poco::Util::Application::EXIT_CONFIG;
  }
  try {
    return shell.run();
  } catch (const Poco::Exception& e) {
    std::cerr << "koop: internal error: " << e.displayText() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "koop: internal error: " << e.what() << '\n';
  }
  return Poco::Util::Application::EXIT_SOFTWARE;
}
