#include "server/pages/page_view.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/pages/polish.h"

namespace koop::server::pages {
namespace {

struct NavItem {
  const char* key;
  const char* href;
  const char* label;
  bool admin_only;
};

constexpr NavItem kNav[] = {
    {"zadania", "/zadania", "Moje zadania", false},
    {"sprawy", "/sprawy", "Sprawy", false},
    {"partnerstwa", "/partnerstwa", "Partnerstwa", false},
    {"kalendarz", "/kalendarz", "Kalendarz", false},
    {"admin", "/admin/uzytkownicy", "Administracja", true},
};

Data StringList(const std::vector<std::string>& items) {
  Data list = MakeList();
  for (const std::string& s : items) list.push_back(Data(s));
  return list;
}

}  // namespace

Result<std::shared_ptr<const PageTemplates>> PageTemplates::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NoInput(dir + ": the web templates folder does not exist");
  }
  auto templates = std::make_shared<PageTemplates>();
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return Status::IoError(entry.path().string() + ": cannot be read");
    kainjow::mustache::mustache parsed(text.str());
    if (!parsed.is_valid()) {
      return Status::DataError(entry.path().string() + ": " + parsed.error_message());
    }
    templates->sources_[entry.path().stem().string()] = text.str();
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  if (!templates->sources_.count("layout")) {
    return Status::NoInput(dir + "/layout.mustache: missing");
  }
  return std::shared_ptr<const PageTemplates>(templates);
}

std::string PageTemplates::Render(const std::string& name, const Data& data,
                                  std::string* error) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) {
    *error = "no template '" + name + "'";
    return "";
  }
  // Templates named "_NAME" are partials every template may include as {{> _NAME}}.
  Data with_partials = data;
  for (const auto& [partial_name, source] : sources_) {
    if (partial_name.empty() || partial_name.front() != '_') continue;
    const std::string* text = &source;
    with_partials.set(partial_name, kainjow::mustache::partial([text] { return *text; }));
  }
  kainjow::mustache::mustache tmpl(it->second);
  std::string out = tmpl.render(with_partials);
  if (!tmpl.is_valid()) {
    *error = name + ".mustache: " + tmpl.error_message();
    return "";
  }
  return out;
}

void RenderPage(Exchange& ex, const PageTemplates& templates, const PageFrame& frame,
                const std::string& name, Data data, int status) {
  const bool signed_in = ex.session().has_value();
  if (signed_in) data.set("csrf", ex.session()->csrf_token);
  std::string error;
  std::string body = templates.Render(name, data, &error);
  if (!error.empty()) {
    ex.Send(500, "text/plain; charset=utf-8", "internal error: " + error + "\n");
    return;
  }
  Data layout;
  layout.set("title", frame.title);
  layout.set("heading", frame.title);
  layout.set("body", body);
  layout.set("notices", StringList(frame.notices));
  layout.set("has_notices", Data(!frame.notices.empty()));
  layout.set("errors", StringList(frame.errors));
  layout.set("has_errors", Data(!frame.errors.empty()));
  layout.set("signed_in", Data(signed_in));
  if (signed_in) {
    const Account& account = ex.account();
    layout.set("login", account.login);
    layout.set("role_label", RoleLabel(account.role));
    layout.set("csrf", ex.session()->csrf_token);
    Data nav = MakeList();
    for (const NavItem& item : kNav) {
      if (item.admin_only && account.role != Role::kAdmin) continue;
      Data entry;
      entry.set("href", item.href);
      entry.set("label", item.label);
      entry.set("current", Data(frame.nav_key == item.key));
      nav.push_back(entry);
    }
    layout.set("nav", nav);
  }
  layout.set("admin_section", Data(frame.nav_key == "admin"));
  std::string html = templates.Render("layout", layout, &error);
  if (!error.empty()) {
    ex.Send(500, "text/plain; charset=utf-8", "internal error: " + error + "\n");
    return;
  }
  // Pages show personal data to whoever may see it: never cached by a shared or browser cache.
  ex.SetHeader("Cache-Control", "no-store");
  ex.Html(status, html);
}

}  // namespace koop::server::pages
