// Hostile file references in workflows (<data src>, <script src>, <invoke src>). Guards
// against: src="/etc/passwd" was read and stored in the database with the instance, and
// src="/dev/zero" read 2 GB before failing. Only regular files inside the workflow's own folder
// (or its rules/ folder), of bounded size, may be read; anything else is refused at load (so
// `koop validate` reports it too) with the place of the attribute.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "model/confined_file.h"
#include "model/loader.h"

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path root = fs::temp_directory_path() / ("koop_hostile_files_" + std::to_string(::getpid()));
  fs::path flows = root / "flows";
  Folder() {
    fs::remove_all(root);
    fs::create_directories(flows);
    fs::create_directories(root / "shared-rules");
    std::ofstream(root / "outside.json") << "{\"pesel\": \"85010112345\"}";
    std::ofstream(root / "shared-rules" / "ok.js") << "function ok() { return true; }\n";
    std::ofstream(flows / "inside.json") << "{\"a\": 1}";
    fs::create_directory_symlink("../shared-rules", flows / "rules");
  }
  ~Folder() { fs::remove_all(root); }

  // Loads a chart whose second line holds `element`; "" when it loads, else the message.
  std::string Load(const std::string& element) const {
    std::string xml =
        "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\" "
        "datamodel=\"ecmascript\">\n" +
        element + "\n<state id=\"a\"/></scxml>\n";
    auto chart = koop::model::LoadChartFromString(xml, "flow.scxml", flows.string());
    return chart.ok() ? "" : chart.status().message();
  }
  std::string Data(const std::string& src) const {
    return Load("<datamodel><data id=\"d\" src=\"" + src + "\"/></datamodel>");
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(HostileFiles)

BOOST_FIXTURE_TEST_CASE(ReadsFilesInsideTheFolderAndItsRulesLink, Folder) {
  BOOST_CHECK_EQUAL(Data("inside.json"), "");
  BOOST_CHECK_EQUAL(Data("file:inside.json"), "");
  BOOST_CHECK_EQUAL(Load("<script src=\"rules/ok.js\"/>"), "");
}

BOOST_FIXTURE_TEST_CASE(RefusesAbsolutePaths, Folder) {
  BOOST_CHECK_EQUAL(Data("/etc/hostname"),
                    "flow.scxml:2:25: '/etc/hostname' is an absolute path (only files in the "
                    "workflow's folder can be loaded)");
  BOOST_CHECK_EQUAL(Load("<script src=\"file:///proc/self/environ\"/>"),
                    "flow.scxml:2:9: 'file:///proc/self/environ' is not a local file (only files "
                    "in the workflow's folder can be loaded)");
}

BOOST_FIXTURE_TEST_CASE(RefusesDotDotEscapes, Folder) {
  BOOST_CHECK_EQUAL(Data("sub/../../outside.json"),
                    "flow.scxml:2:25: 'sub/../../outside.json' leaves the workflow's folder ('..' "
                    "is not allowed)");
  BOOST_CHECK_EQUAL(Load("<script src=\"rules/../../outside.json\"/>"),
                    "flow.scxml:2:9: 'rules/../../outside.json' leaves the workflow's folder "
                    "('..' is not allowed)");
}

BOOST_FIXTURE_TEST_CASE(RefusesSymlinksLeadingOut, Folder) {
  fs::create_symlink(root / "outside.json", flows / "link.json");
  fs::create_directory_symlink("/etc", flows / "etc");
  BOOST_CHECK_EQUAL(Data("link.json"),
                    "flow.scxml:2:25: 'link.json' leads out of the workflow's folder (a symbolic "
                    "link)");
  BOOST_CHECK_EQUAL(Data("etc/hostname"),
                    "flow.scxml:2:25: 'etc/hostname' leads out of the workflow's folder (a "
                    "symbolic link)");
}

BOOST_FIXTURE_TEST_CASE(RefusesDevicesFifosAndFolders, Folder) {
  fs::create_symlink("/dev/urandom", flows / "random.json");
  BOOST_REQUIRE_EQUAL(::mkfifo((flows / "pipe.json").c_str(), 0600), 0);
  fs::create_directory(flows / "dir.json");
  BOOST_CHECK_EQUAL(Data("random.json"),
                    "flow.scxml:2:25: 'random.json' leads out of the workflow's folder (a "
                    "symbolic link)");
  // A FIFO without a writer would block an ordinary open(); it is refused at once.
  BOOST_CHECK_EQUAL(Data("pipe.json"), "flow.scxml:2:25: 'pipe.json' is not a regular file");
  BOOST_CHECK_EQUAL(Data("dir.json"), "flow.scxml:2:25: 'dir.json' is not a regular file");
}

BOOST_FIXTURE_TEST_CASE(RefusesOversizeFiles, Folder) {
  std::ofstream(flows / "big.json") << std::string(koop::model::kMaxConfinedFileBytes + 1, ' ');
  BOOST_CHECK_EQUAL(Data("big.json"),
                    "flow.scxml:2:25: 'big.json' is 1048577 bytes; at most "
                    "1048576 are read");
}

BOOST_FIXTURE_TEST_CASE(MissingFileIsNamed, Folder) {
  BOOST_CHECK(Data("nosuch.json").starts_with("flow.scxml:2:25: cannot read 'nosuch.json': "));
}

BOOST_AUTO_TEST_SUITE_END()
