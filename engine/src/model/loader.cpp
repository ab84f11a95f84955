#include "model/loader.h"

#include <algorithm>
#include <filesystem>

#include "koop/file_env.h"
#include "model/chart_builder.h"
#include "model/xml_source.h"

namespace koop::model {
namespace {

void CollectDeadlines(const Block& block, std::vector<const KoopDeadline*>& out) {
  for (const auto& a : block) {
    if (a.kind == ActionKind::kDeadline && a.deadline) out.push_back(a.deadline.get());
    for (const auto& b : a.branches) CollectDeadlines(b.body, out);
    CollectDeadlines(a.body, out);
  }
}

}  // namespace

std::string Diagnostic::ToString() const {
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + message;
}

std::vector<const KoopDeadline*> Chart::Deadlines() const {
  std::vector<const KoopDeadline*> out;
  for (const auto& st : states) {
    for (const auto& b : st.onentry) CollectDeadlines(b, out);
    for (const auto& b : st.onexit) CollectDeadlines(b, out);
  }
  for (const auto& t : transitions) CollectDeadlines(t.actions, out);
  return out;
}

Result<std::shared_ptr<const Chart>> LoadChartFromString(const std::string& xml,
                                                         const std::string& name,
                                                         const std::string& base_dir,
                                                         const LoadOptions& options) {
  if (xml.size() > options.max_file_bytes) {
    return Status::DataError(name + ":1:1: file is " + std::to_string(xml.size()) +
                             " bytes (limit " + std::to_string(options.max_file_bytes) + ")");
  }
  auto source = XmlSource::Parse(xml, name, options.max_attribute_bytes);
  if (!source.ok()) return source.status();
  ChartBuilder builder(**source, base_dir.empty() ? "." : base_dir, options);
  std::shared_ptr<Chart> chart = builder.Build((*source)->root());
  auto& diags = builder.diagnostics();
  if (!diags.empty()) {
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
    });
    std::string all;
    for (const auto& d : diags) all += (all.empty() ? "" : "\n") + d.ToString();
    return Status::DataError(all);
  }
  return std::shared_ptr<const Chart>(std::move(chart));
}

Result<std::shared_ptr<const Chart>> LoadChart(const std::string& path,
                                               const LoadOptions& options) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.max_file_bytes) {
    return Status::DataError(path + ":1:1: file is " + std::to_string(size) + " bytes (limit " +
                             std::to_string(options.max_file_bytes) + ")");
  }
  Result<std::string> text = DefaultFileEnv().ReadFile(path, options.max_file_bytes);
  if (!text.ok()) return text.status();
  std::string base = std::filesystem::path(path).parent_path().string();
  return LoadChartFromString(*text, path, base.empty() ? "." : base, options);
}

}  // namespace koop::model
