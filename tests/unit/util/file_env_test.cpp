// Regression: outputs that destroyed what was there. `-o` replaced a symbolic link, a FIFO or a
// device node by rename(); five writers had five rename schemes (one without fsync, one with a
// fixed ".tmp" name two processes shared); a mail merge failing on document N left documents
// 1..N-1 and had already removed files of an earlier merge. FileEnv is the one file layer now;
// these tests try to make it destroy something.
#include "koop/file_env.h"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string Fresh(const std::string& name) {
  fs::path p = fs::path(KOOP_BINARY_DIR) / "tests" / "tmp-file-env" / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

void Put(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Get(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Names in a folder, sorted.
std::vector<std::string> Listing(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

koop::FileEnv& env = koop::DefaultFileEnv();

}  // namespace

BOOST_AUTO_TEST_SUITE(FileEnvReading)

BOOST_AUTO_TEST_CASE(ReadsARegularFile) {
  std::string dir = Fresh("read");
  Put(dir + "/a.txt", "zażółć");
  auto r = env.ReadFile(dir + "/a.txt", 100);
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(*r == "zażółć");
}

BOOST_AUTO_TEST_CASE(MissingFileIsNoInput) {
  std::string dir = Fresh("read-missing");
  auto r = env.ReadFile(dir + "/none.json", 100);
  BOOST_TEST(r.status().exit_code() == 66);
  BOOST_TEST(r.status().message() == dir + "/none.json: no such file");
}

BOOST_AUTO_TEST_CASE(FileOverTheLimitIsRefused) {
  std::string dir = Fresh("read-limit");
  Put(dir + "/big", std::string(101, 'x'));
  auto r = env.ReadFile(dir + "/big", 100);
  BOOST_TEST(r.status().exit_code() == 65);
  BOOST_TEST(r.status().message() == dir + "/big: larger than 100 bytes");
  BOOST_TEST(env.ReadFile(dir + "/big", 101).ok());
}

BOOST_AUTO_TEST_CASE(AFifoIsRefusedWithoutBlocking) {
  // Opening a FIFO for reading blocks until a writer comes; /dev/zero would never end.
  std::string dir = Fresh("read-fifo");
  BOOST_REQUIRE(::mkfifo((dir + "/pipe").c_str(), 0600) == 0);
  auto r = env.ReadFile(dir + "/pipe", 100);
  BOOST_TEST(r.status().exit_code() == 66);
  BOOST_TEST(r.status().message() == dir + "/pipe: not a regular file (a FIFO)");
  auto z = env.ReadFile("/dev/zero", 100);
  BOOST_TEST(z.status().message() == "/dev/zero: not a regular file (a character device)");
  auto d = env.ReadFile(dir, 100);
  BOOST_TEST(d.status().message() == dir + ": not a regular file (a folder)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(FileEnvWriting)

BOOST_AUTO_TEST_CASE(ReplacesARegularFileAndLeavesNoTemporary) {
  std::string dir = Fresh("write");
  Put(dir + "/out.docx", "old");
  BOOST_TEST(env.WriteFileAtomically(dir + "/out.docx", "new").ok());
  BOOST_TEST(Get(dir + "/out.docx") == "new");
  BOOST_TEST(Listing(dir) == std::vector<std::string>{"out.docx"});
}

BOOST_AUTO_TEST_CASE(RefusesToReplaceASymbolicLink) {
  std::string dir = Fresh("write-link");
  Put(dir + "/target", "precious");
  fs::create_symlink(dir + "/target", dir + "/out.docx");
  koop::Status s = env.WriteFileAtomically(dir + "/out.docx", "new");
  BOOST_TEST(s.exit_code() == 74);
  BOOST_TEST(s.message() == dir +
                                "/out.docx: refusing to replace a symbolic link (only regular "
                                "files are replaced)");
  BOOST_TEST(fs::is_symlink(dir + "/out.docx"));
  BOOST_TEST(Get(dir + "/target") == "precious");
  BOOST_TEST(Listing(dir) == (std::vector<std::string>{"out.docx", "target"}));
}

BOOST_AUTO_TEST_CASE(RefusesToReplaceADanglingLink) {
  std::string dir = Fresh("write-dangling");
  fs::create_symlink(dir + "/nowhere", dir + "/out.docx");
  BOOST_TEST(env.WriteFileAtomically(dir + "/out.docx", "x").exit_code() == 74);
  BOOST_TEST(!fs::exists(dir + "/nowhere"));
}

BOOST_AUTO_TEST_CASE(RefusesToReplaceAFifoADeviceOrAFolder) {
  std::string dir = Fresh("write-special");
  BOOST_REQUIRE(::mkfifo((dir + "/pipe").c_str(), 0600) == 0);
  fs::create_directory(dir + "/sub");
  BOOST_TEST(env.WriteFileAtomically(dir + "/pipe", "x").message() ==
             dir + "/pipe: refusing to replace a FIFO (only regular files are replaced)");
  BOOST_TEST(env.WriteFileAtomically(dir + "/sub", "x").message() ==
             dir + "/sub: refusing to replace a folder (only regular files are replaced)");
  BOOST_TEST(env.WriteFileAtomically("/dev/null", "x").message() ==
             "/dev/null: refusing to replace a character device (only regular files are "
             "replaced)");
  struct stat st;
  BOOST_TEST((::lstat((dir + "/pipe").c_str(), &st) == 0 && S_ISFIFO(st.st_mode)));
  BOOST_TEST((::lstat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode)));
  BOOST_TEST(Listing(dir) == (std::vector<std::string>{"pipe", "sub"}));
}

BOOST_AUTO_TEST_CASE(MissingFolderIsAnIoErrorAndLeavesNothing) {
  std::string dir = Fresh("write-nodir");
  koop::Status s = env.WriteFileAtomically(dir + "/no/out.docx", "x");
  BOOST_TEST(s.exit_code() == 74);
  BOOST_TEST(s.message() == dir + "/no/out.docx: cannot create file: No such file or directory");
  BOOST_TEST(Listing(dir).empty());
}

BOOST_AUTO_TEST_CASE(NewFilesFollowTheUmask) {
  std::string dir = Fresh("write-mode");
  mode_t old = ::umask(027);
  koop::Status s = env.WriteFileAtomically(dir + "/f", "x");
  ::umask(old);
  BOOST_REQUIRE(s.ok());
  struct stat st;
  BOOST_REQUIRE(::stat((dir + "/f").c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0640u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(FileEnvGroups)

BOOST_AUTO_TEST_CASE(MovesFilesInAndReplacesOldOnes) {
  std::string dir = Fresh("group");
  fs::create_directories(dir + "/stage");
  fs::create_directories(dir + "/out");
  Put(dir + "/stage/a", "A2");
  Put(dir + "/stage/b", "B2");
  Put(dir + "/out/a", "A1");
  Put(dir + "/out/keep", "K");
  BOOST_TEST(env.MoveFilesInto(dir + "/stage", {"a", "b"}, dir + "/out").ok());
  BOOST_TEST(Listing(dir + "/out") == (std::vector<std::string>{"a", "b", "keep"}));
  BOOST_TEST(Get(dir + "/out/a") == "A2");
  BOOST_TEST(Get(dir + "/out/keep") == "K");
}

BOOST_AUTO_TEST_CASE(AFailedMovePutsEverythingBack) {
  // "sub/c" cannot be moved (the output folder has no "sub"), so its move fails after "a" and
  // "b" moved and "a" replaced an older file: the output folder must come back exactly as it was.
  std::string dir = Fresh("group-rollback");
  fs::create_directories(dir + "/stage/sub");
  fs::create_directories(dir + "/out");
  Put(dir + "/stage/a", "A2");
  Put(dir + "/stage/b", "B2");
  Put(dir + "/stage/sub/c", "C2");
  Put(dir + "/out/a", "A1");
  Put(dir + "/out/keep", "K");
  koop::Status s = env.MoveFilesInto(dir + "/stage", {"a", "b", "sub/c"}, dir + "/out");
  BOOST_TEST(s.exit_code() == 74);
  BOOST_TEST(s.message() == dir + "/out/sub/c: cannot write: No such file or directory");
  BOOST_TEST(Listing(dir + "/out") == (std::vector<std::string>{"a", "keep"}));
  BOOST_TEST(Get(dir + "/out/a") == "A1");
  BOOST_TEST(Listing(dir + "/stage") == (std::vector<std::string>{"a", "b", "sub"}));
}

BOOST_AUTO_TEST_CASE(AStagedFileThatCannotBeFlushedStopsTheGroupBeforeAnyMove) {
  // Every staged file is flushed to disk before the first move (a rename reaching the disk before
  // the data would leave an empty document after a power cut); one that cannot be ("c" is
  // missing) stops the group with the output folder untouched.
  std::string dir = Fresh("group-flush");
  fs::create_directories(dir + "/stage");
  fs::create_directories(dir + "/out");
  Put(dir + "/stage/a", "A2");
  Put(dir + "/out/a", "A1");
  koop::Status s = env.MoveFilesInto(dir + "/stage", {"a", "c"}, dir + "/out");
  BOOST_TEST(s.exit_code() == 74);
  BOOST_TEST(s.message() == dir + "/stage/c: cannot write: No such file or directory");
  BOOST_TEST(Listing(dir + "/out") == (std::vector<std::string>{"a"}));
  BOOST_TEST(Get(dir + "/out/a") == "A1");
}

BOOST_AUTO_TEST_CASE(AStagedFileIsWrittenOnceAndNeverOverAnother) {
  std::string dir = Fresh("staged-write");
  BOOST_TEST(env.WriteStagedFile(dir + "/a", "A").ok());
  BOOST_TEST(Get(dir + "/a") == "A");
  koop::Status again = env.WriteStagedFile(dir + "/a", "B");
  BOOST_TEST(again.exit_code() == 74);
  BOOST_TEST(again.message() == dir + "/a: cannot create file: File exists");
  BOOST_TEST(Get(dir + "/a") == "A");
}

BOOST_AUTO_TEST_CASE(ASpecialDestinationStopsTheGroupBeforeAnyMove) {
  std::string dir = Fresh("group-link");
  fs::create_directories(dir + "/stage");
  fs::create_directories(dir + "/out");
  Put(dir + "/stage/a", "A2");
  Put(dir + "/stage/b", "B2");
  Put(dir + "/out/a", "A1");
  fs::create_symlink("/etc/passwd", dir + "/out/b");
  koop::Status s = env.MoveFilesInto(dir + "/stage", {"a", "b"}, dir + "/out");
  BOOST_TEST(s.message() ==
             dir + "/out/b: refusing to replace a symbolic link (only regular files are replaced)");
  BOOST_TEST(Get(dir + "/out/a") == "A1");
  BOOST_TEST(fs::is_symlink(dir + "/out/b"));
  BOOST_TEST(Listing(dir + "/out") == (std::vector<std::string>{"a", "b"}));
}

BOOST_AUTO_TEST_CASE(AFailedMoveIntoANewFolderRemovesIt) {
  std::string dir = Fresh("group-new");
  fs::create_directories(dir + "/stage");
  Put(dir + "/stage/a", "A");
  BOOST_TEST(!env.MoveFilesInto(dir + "/stage", {"a", "missing"}, dir + "/out").ok());
  BOOST_TEST(!fs::exists(dir + "/out"));
  BOOST_TEST(Listing(dir + "/stage") == std::vector<std::string>{"a"});
}

BOOST_AUTO_TEST_CASE(TemporaryFoldersArePrivateUniqueAndRemoved) {
  std::string dir = Fresh("tempdir");
  std::string a, b;
  {
    auto ra = env.MakeTempDir(dir, ".x-");
    auto rb = env.MakeTempDir(dir, ".x-");
    BOOST_REQUIRE(ra.ok() && rb.ok());
    a = *ra;
    b = *rb;
    koop::TempDirGuard ga(env, a), gb(env, b);
    BOOST_TEST(a != b);
    struct stat st;
    BOOST_REQUIRE(::stat(a.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0700u);
    Put(a + "/inside", "x");
  }
  BOOST_TEST(Listing(dir).empty());
  auto none = env.MakeTempDir(dir + "/missing", ".x-");
  BOOST_TEST(none.status().exit_code() == 74);
}

BOOST_AUTO_TEST_CASE(ParentDirOfPaths) {
  BOOST_TEST(koop::ParentDir("a/b.docx") == "a");
  BOOST_TEST(koop::ParentDir("b.docx") == ".");
  BOOST_TEST(koop::ParentDir("/x") == "/");
  BOOST_TEST(koop::ParentDir("out/") == ".");
  BOOST_TEST(koop::ParentDir("a/out//") == "a");
}

BOOST_AUTO_TEST_SUITE_END()
