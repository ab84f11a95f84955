// Mail merge: one template, many documents from a JSON Lines file. The template is compiled once
// by the caller; each line is parsed, named and rendered in turn.
#include <set>
#include <sstream>

#include "docx/compiled.h"
#include "docx/data.h"
#include "docx/expression.h"
#include "docx/renderer.h"
#include "docx/template_access.h"
#include "koop/docx.h"
#include "koop/file_env.h"

namespace koop {
namespace {

// Characters that cannot or should not appear in a file name become '_'.
std::string SafeFileName(const std::string& raw) {
  std::string s;
  for (char c : raw) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
        c == '<' || c == '>' || c == '|') {
      s += '_';
    } else {
      s += c;
    }
  }
  size_t a = s.find_first_not_of(" .");
  if (a == std::string::npos) return "dokument";
  s = s.substr(a);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
  if (s.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut);
  }
  return s.empty() ? "dokument" : s;
}

Result<std::string> FillName(const std::string& pattern, const docx::Data& data, int number) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t open = pattern.find('{', i);
    if (open == std::string::npos) {
      out += pattern.substr(i);
      break;
    }
    out += pattern.substr(i, open - i);
    size_t close = pattern.find('}', open);
    if (close == std::string::npos) {
      return Status::Usage("name pattern: unclosed '{' in \"" + pattern + "\"");
    }
    std::string tag = pattern.substr(open + 1, close - open - 1);
    auto expr = docx::CompileExpr(tag);
    if (!expr.ok())
      return Status::Usage("name pattern: tag {" + tag + "}: " + expr.status().message());
    docx::Scopes scopes;
    scopes.list.push_back(&data);
    scopes.indexes.push_back(-1);
    std::vector<std::string> errors;
    docx::Val v = docx::Evaluate(**expr, scopes, &errors);
    if (v.is_nullish() && tag == "n") v = docx::Val::Int(number);
    if (!errors.empty()) return Status::DataError("name pattern: tag {" + tag + "}: " + errors[0]);
    if (v.is_nullish()) return Status::DataError("name pattern: no value for {" + tag + "}");
    out += v.str();
    i = close + 1;
  }
  std::string name = SafeFileName(out);
  if (name.size() < 5 || name.compare(name.size() - 5, 5, ".docx") != 0) name += ".docx";
  return name;
}

// A JSON Lines file is read whole; beyond this it is refused (65) rather than exhausting memory.
constexpr uint64_t kMaxMergeInputBytes = 256ull << 20;

std::string Unique(const std::string& name, std::set<std::string>* used) {
  if (used->insert(name).second) return name;
  std::string stem = name.substr(0, name.size() - 5);
  for (int k = 2;; ++k) {
    std::string candidate = stem + "-" + std::to_string(k) + ".docx";
    if (used->insert(candidate).second) return candidate;
  }
}

}  // namespace

Result<MailMergeResult> MailMerge(const DocxTemplate& tmpl, const std::string& jsonl_path,
                                  const std::string& out_dir, const MailMergeOptions& options) {
  FileEnv& env = DefaultFileEnv();
  auto text = env.ReadFile(jsonl_path, kMaxMergeInputBytes);
  if (!text.ok()) return text.status();
  // Parse and name every line before writing anything.
  std::vector<docx::Data> docs;
  std::vector<std::string> names;
  std::set<std::string> used;
  std::istringstream in(*text);
  std::string line;
  int line_no = 0;
  std::string pattern = options.name_pattern.empty() ? "dokument-{n}.docx" : options.name_pattern;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string label = jsonl_path + ":" + std::to_string(line_no);
    auto data = docx::ParseJson(line, jsonl_path, line_no);
    if (!data.ok()) return data.status();
    if (data->type != docx::Data::Type::kObject) {
      return Status::DataError(label + ": each line must be a JSON object");
    }
    auto name = FillName(pattern, *data, static_cast<int>(docs.size()) + 1);
    if (!name.ok()) return name.status().WithContext(label);
    names.push_back(Unique(*name, &used));
    docs.push_back(std::move(data).value());
  }
  // Every document goes into a private folder beside the output folder (same file system) and
  // all of them are moved into place at the end: a failure on document N leaves the output
  // folder exactly as it was, files that were there before included.
  std::string dir = out_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  KOOP_RETURN_IF_ERROR(env.CreateDirectories(ParentDir(dir)));
  auto staging = MakeStagingDir(env, dir, "merge");
  if (!staging.ok()) return staging.status();
  TempDirGuard guard(env, *staging);
  docx::RenderSettings settings;
  settings.blanks = options.render.blanks;
  settings.staged = true;  // made durable together by MoveFilesInto
  for (size_t k = 0; k < docs.size(); ++k) {
    Status s = docx::RenderToFile(docx::TemplateAccess::Compiled(tmpl), docs[k], settings,
                                  *staging + "/" + names[k]);
    if (!s.ok()) {
      return s.WithContext(jsonl_path + ": document " + std::to_string(k + 1) + " (" + names[k] +
                           ")");
    }
  }
  KOOP_RETURN_IF_ERROR(env.MoveFilesInto(*staging, names, dir));
  MailMergeResult result;
  for (const std::string& name : names) result.files.push_back(dir + "/" + name);
  result.documents = static_cast<int>(names.size());
  return result;
}

}  // namespace koop
