#include "shell.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/File.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "koop/version.h"
#include "log_format.h"
#include "resource_dirs.h"

namespace koop::runner {
namespace {

constexpr const char* kDefaultDb = "koop.db";

void AddGlobalOptions(Poco::Util::OptionSet& options) {
  using Poco::Util::Option;
  options.addOption(
      Option("db", "", "database: a SQLite path (default koop.db) or postgresql://...")
          .argument("URI"));
  options.addOption(
      Option("config", "", "configuration file (default ./koop.properties if present)")
          .argument("FILE"));
  options.addOption(Option("help", "h", "show help"));
}

void AddTimeOptions(Poco::Util::OptionSet& options) {
  using Poco::Util::Option;
  options.addOption(
      Option("at", "", "simulated time of the operation, e.g. 2026-11-23T10:00").argument("TIME"));
  options.addOption(Option("now", "", "the same as --at").argument("TIME"));
}

void SetUpLogging(const std::string& level) {
  Poco::AutoPtr<LogFormatter> formatter(new LogFormatter(std::getenv("JOURNAL_STREAM") != nullptr));
  Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel(std::cerr));
  Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, console));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel(level);
  // Loggers created before this call (none in practice) keep their channel; set them too.
  Poco::Logger::setChannel("", channel);
  Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
}

}  // namespace

bool IsGlobalOption(const std::string& arg, bool* takes_value) {
  *takes_value = (arg == "--db" || arg == "--config");
  if (*takes_value) return true;
  return arg.rfind("--db=", 0) == 0 || arg.rfind("--config=", 0) == 0 || arg == "--help" ||
         arg == "-h" || arg == "--version" || arg == "--verbose" || arg == "-v";
}

Shell::Shell(std::vector<std::string> rest) : rest_(std::move(rest)) { setUnixOptions(true); }

void Shell::defineOptions(Poco::Util::OptionSet& options) {
  Poco::Util::Application::defineOptions(options);
  using Poco::Util::Option;
  AddGlobalOptions(options);
  options.addOption(Option("version", "", "print the version"));
  options.addOption(Option("verbose", "v", "log more (to stderr)"));
}

void Shell::handleOption(const std::string& name, const std::string& value) {
  Poco::Util::Application::handleOption(name, value);
  if (name == "db") db_uri_ = value;
  if (name == "config") config_path_ = value;
  if (name == "help") help_ = true;
  if (name == "version") version_ = true;
  if (name == "verbose") verbose_ = true;
}

void Shell::initialize(Poco::Util::Application& self) {
  // Configuration is loaded in main(), where a failure can be turned into an exit code.
  Poco::Util::Application::initialize(self);
}

void Shell::PrintUsage(std::ostream& out) const {
  out << "usage: koop [--db URI] [--config FILE] [--verbose] COMMAND [ARGS...]\n"
         "       koop COMMAND --help | koop --help | koop --version\n\n"
         "Kooperacja engine: workflows, deadlines and documents of the \"Model kooperacji\".\n\n"
         "Commands:\n";
  for (const CommandSpec* spec : CommandTable()) {
    std::string head = std::string("  ") + spec->name;
    out << head << std::string(head.size() < 22 ? 22 - head.size() : 1, ' ') << spec->summary
        << '\n';
  }
  out << "\nGlobal options:\n"
         "  --db URI        SQLite path (default koop.db) or postgresql://user@host:port/db\n"
         "  --config FILE   configuration file (default ./koop.properties when present)\n"
         "  --verbose, -v   log more to stderr\n"
         "Every command also takes --at/--now TIME (simulated \"now\").\n\n"
         "Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, "
         "74 I/O error.\n";
}

void Shell::PrintCommandHelp(const CommandSpec& spec, std::ostream& out) const {
  Poco::Util::OptionSet options;
  AddGlobalOptions(options);
  AddTimeOptions(options);
  if (spec.define_options) spec.define_options(options);
  Poco::Util::HelpFormatter formatter(options);
  formatter.setUnixStyle(true);
  formatter.setWidth(100);
  formatter.setCommand(std::string("koop ") + spec.name);
  formatter.setUsage(std::string("[OPTIONS] ") + spec.synopsis);
  formatter.setHeader(spec.summary);
  formatter.format(out);
}

int Shell::main(const std::vector<std::string>& /*unused*/) {
  if (version_) {
    std::cout << "koop " << KOOP_VERSION << " (database schema " << SchemaVersion() << ")\n";
    return EXIT_OK;
  }
  if (help_ && rest_.empty()) {
    PrintUsage(std::cout);
    return EXIT_OK;
  }
  // Configuration: --config FILE (must exist), else the first of ./koop.properties and the
  // installed /etc/koop/koop.properties that exists.
  std::string config_file = config_path_;
  for (const std::string& candidate : ConfigFileCandidates()) {
    if (!config_file.empty()) break;
    if (Poco::File(candidate).exists()) config_file = candidate;
  }
  if (!config_file.empty()) {
    if (!Poco::File(config_file).exists()) {
      std::cerr << "koop: configuration file not found: " << config_file << '\n';
      return EXIT_NOINPUT;
    }
    try {
      loadConfiguration(config_file);
    } catch (const Poco::Exception& e) {
      std::cerr << "koop: " << config_file << ": " << e.displayText() << '\n';
      return EXIT_DATAERR;
    }
  }
  std::string level = verbose_ ? "debug" : config().getString("log.level", "warning");
  try {
    SetUpLogging(level);
  } catch (const Poco::Exception& e) {
    std::cerr << "koop: log.level: " << e.displayText() << '\n';
    return EXIT_DATAERR;
  }

  if (rest_.empty()) {
    PrintUsage(help_ ? std::cout : std::cerr);
    return help_ ? EXIT_OK : EXIT_USAGE;
  }
  for (const CommandSpec* spec : CommandTable()) {
    std::string name = spec->name;
    std::size_t space = name.find(' ');
    if (space == std::string::npos) {
      if (rest_[0] != name) continue;
      return RunCommand(*spec, {rest_.begin() + 1, rest_.end()});
    }
    if (rest_[0] != name.substr(0, space)) continue;
    if (rest_.size() >= 2 && rest_[1] == name.substr(space + 1)) {
      return RunCommand(*spec, {rest_.begin() + 2, rest_.end()});
    }
  }
  // A command group ("calendar", "scxml") without a known subcommand: list the group's commands.
  bool asks_help = rest_.size() >= 2 && (rest_[1] == "--help" || rest_[1] == "-h");
  if (rest_.size() == 1 || asks_help) {
    if (PrintGroup(rest_[0], asks_help ? std::cout : std::cerr)) {
      return asks_help ? EXIT_OK : EXIT_USAGE;
    }
  }
  std::cerr << "koop: unknown command '" << rest_[0]
            << (rest_.size() >= 2 ? " " + rest_[1] : std::string()) << "'\n\n";
  PrintUsage(std::cerr);
  return EXIT_USAGE;
}

bool Shell::PrintGroup(const std::string& group, std::ostream& out) const {
  std::vector<const CommandSpec*> members;
  for (const CommandSpec* spec : CommandTable()) {
    std::string name = spec->name;
    if (name.size() > group.size() && name.compare(0, group.size(), group) == 0 &&
        name[group.size()] == ' ') {
      members.push_back(spec);
    }
  }
  if (members.empty()) return false;
  out << "usage: koop " << group << " SUBCOMMAND [ARGS...]   (koop " << group
      << " SUBCOMMAND --help for its options)\n\nSubcommands:\n";
  for (const CommandSpec* spec : members) {
    std::string head = std::string("  ") + spec->name + " " + spec->synopsis;
    out << head << "\n      " << spec->summary << '\n';
  }
  return true;
}

int Shell::RunCommand(const CommandSpec& spec, const std::vector<std::string>& args) {
  Poco::Util::OptionSet options;
  AddGlobalOptions(options);
  AddTimeOptions(options);
  if (spec.define_options) spec.define_options(options);

  Invocation inv;
  inv.config = &config();
  inv.out = &std::cout;
  inv.err = &std::cerr;
  try {
    Poco::Util::OptionProcessor processor(options);
    processor.setUnixStyle(true);
    bool only_positional = false;
    bool value_pending = false;  // the previous option takes its value from this argument
    for (const std::string& arg : args) {
      if (value_pending) {
        std::string name, value;
        processor.process(arg, name, value);
        if (!name.empty()) inv.options.emplace(name, value);
        value_pending = false;
        continue;
      }
      if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
        inv.positional.push_back(arg);
        continue;
      }
      if (arg == "--") {
        only_positional = true;
        continue;
      }
      std::string name, value;
      if (processor.process(arg, name, value)) {
        if (name.empty()) {
          value_pending = true;
        } else {
          inv.options.emplace(name, value);
        }
      }
    }
    // --help wins over missing required options or arguments.
    if (inv.Has("help")) {
      PrintCommandHelp(spec, std::cout);
      return EXIT_OK;
    }
    if (value_pending) throw Poco::Util::MissingArgumentException(args.back());
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    std::cerr << "koop " << spec.name << ": " << e.displayText() << "\n\n";
    PrintCommandHelp(spec, std::cerr);
    return EXIT_USAGE;
  }
  if (inv.Has("help")) {
    PrintCommandHelp(spec, std::cout);
    return EXIT_OK;
  }
  int count = static_cast<int>(inv.positional.size());
  if (count < spec.min_positional || (spec.max_positional >= 0 && count > spec.max_positional)) {
    std::cerr << "koop " << spec.name << ": wrong number of arguments\n\n";
    PrintCommandHelp(spec, std::cerr);
    return EXIT_USAGE;
  }
  if (inv.Has("at") && inv.Has("now")) {
    std::cerr << "koop " << spec.name << ": give --at or --now, not both\n";
    return EXIT_USAGE;
  }
  if (Result<TimeMs> now = inv.Now(); !now.ok()) {
    std::cerr << "koop " << spec.name << ": --at/--now: " << now.status().message() << '\n';
    return EXIT_USAGE;
  }
  inv.db_uri = inv.Has("db")      ? inv.Get("db")
               : !db_uri_.empty() ? db_uri_
                                  : config().getString("db.uri", kDefaultDb);
  return spec.run(inv);
}

}  // namespace koop::runner
