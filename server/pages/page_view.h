// PageView: the web application's HTML, rendered from the mustache templates in
// <web_dir>/templates (kainjow mustache: every {{value}} is HTML-escaped; only {{{body}}} of the
// layout takes already rendered HTML); a template named _NAME is a partial the others include
// with {{> _NAME}}. The templates are read once when the routes are
// registered and shared read-only by every worker thread (handlers capture a shared_ptr).
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "koop/status.h"
#include "server/exchange.h"

namespace koop::server::pages {

using Data = kainjow::mustache::data;

inline Data MakeList() { return Data(Data::type::list); }
// A string the template tests with {{#key}}: mustache treats "" as true, so an empty text is
// stored as false (which also stops the look-up from climbing to an enclosing key of that name).
inline Data Text(const std::string& value) { return value.empty() ? Data(false) : Data(value); }

class PageTemplates {
 public:
  // Reads every NAME.mustache of `dir`; kNoInput when the folder is missing, kDataError naming
  // the file for a template that does not parse.
  static Result<std::shared_ptr<const PageTemplates>> Load(const std::string& dir);

  // The body of template `name` with `data`; "" (and a message in `error`) for an unknown one.
  std::string Render(const std::string& name, const Data& data, std::string* error) const;

 private:
  std::map<std::string, std::string> sources_;
};

// What the layout shows around a page's body.
struct PageFrame {
  std::string title;    // <title> and <h1>; never personal data
  std::string nav_key;  // the menu item marked as current ("zadania", "sprawy", ...)
  std::vector<std::string> notices;
  std::vector<std::string> errors;
};

// Renders template `name` inside the layout and answers with `status`. A template error answers
// 500 with a plain message (and is logged by the server like any 500).
void RenderPage(Exchange& ex, const PageTemplates& templates, const PageFrame& frame,
                const std::string& name, Data data, int status = 200);

}  // namespace koop::server::pages
