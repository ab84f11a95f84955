// koop/municipality.h: telling a municipality file apart and checking it as a whole.
#include <cctype>

#include "koop/file_env.h"
#include "koop/municipality.h"
#include "municipality/municipality.h"

namespace koop {
namespace {

// The local name of the first element of `xml` (after the declaration, comments, processing
// instructions and white space), or "".
std::string RootName(const std::string& xml) {
  std::size_t i = xml.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < xml.size()) {
    if (std::isspace(static_cast<unsigned char>(xml[i]))) {
      ++i;
    } else if (xml.compare(i, 4, "<!--") == 0) {
      std::size_t end = xml.find("-->", i + 4);
      if (end == std::string::npos) return "";
      i = end + 3;
    } else if (xml.compare(i, 2, "<?") == 0 || xml.compare(i, 2, "<!") == 0) {
      std::size_t end = xml.find('>', i + 2);
      if (end == std::string::npos) return "";
      i = end + 1;
    } else if (xml[i] == '<') {
      std::size_t end = xml.find_first_of(" \t\r\n/>", i + 1);
      std::string name = xml.substr(i + 1, end == std::string::npos ? end : end - i - 1);
      std::size_t colon = name.find(':');
      return colon == std::string::npos ? name : name.substr(colon + 1);
    } else {
      return "";
    }
  }
  return "";
}

bool ReadFile(const std::string& path, std::string* text) {
  // Only the root element is looked at; the loader then applies the municipality's own limit.
  constexpr uint64_t kMaxSniffBytes = 64u << 20;
  Result<std::string> read = DefaultFileEnv().ReadFile(path, kMaxSniffBytes);
  if (!read.ok()) return false;
  *text = std::move(*read);
  return true;
}

}  // namespace

bool IsMunicipalityFile(const std::string& path) {
  std::string text;
  return ReadFile(path, &text) && RootName(text) == "municipality";
}

Status ValidateMunicipalityFile(const std::string& path, const std::string& workflows_dir) {
  std::string text;
  if (!ReadFile(path, &text)) return Status::NoInput(path + ": cannot open the municipality file");
  std::vector<municipality::Problem> problems;
  municipality::Municipality m = municipality::ReadMunicipality(text, path, &problems);
  // A file that is not XML, or not a municipality, has nothing further to check.
  if (m.places.count("")) municipality::CheckAgainstWorkflows(m, workflows_dir, &problems);
  if (problems.empty()) return Status::Ok();
  return Status::DataError(municipality::FormatProblems(path, std::move(problems)));
}

}  // namespace koop
