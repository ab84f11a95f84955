// States, transitions, data and invoke declarations; the executable content is parsed in
// builder_content.cpp and the koop elements in builder_koop.cpp.
#include "model/chart_builder.h"

#include <libxml/tree.h>

#include <atomic>
#include <fstream>
#include <set>
#include <sstream>

#include "model/confined_file.h"

namespace koop::model {
namespace {

constexpr const char* kScxmlNs = "http://www.w3.org/2005/07/scxml";

std::atomic<std::uint64_t> g_next_serial{1};

std::vector<std::string> SplitSpace(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool IsScxml(const xmlNode* n) {
  std::string ns = NamespaceOf(n);
  return ns == kScxmlNs || ns.empty();
}

}  // namespace

ChartBuilder::ChartBuilder(const XmlSource& source, const std::string& base_dir,
                           const LoadOptions& options, int nesting)
    : src_(source), base_dir_(base_dir), options_(options), nesting_(nesting) {}

void ChartBuilder::Error(const xmlNode* node, const std::string& message, const char* attr) {
  diags_.push_back({src_.name(), src_.PosOf(node, attr), message});
}

void ChartBuilder::CheckAttrs(const xmlNode* node, std::initializer_list<const char*> allowed) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    std::string name = reinterpret_cast<const char*>(a->name);
    if (name == "title" || name == "id" || name == "to" || name == "escalate-to") {
      // Titles, ids and roles reach reminder subjects, SMTP headers and .ics lines: a character
      // reference such as &#13;&#10; must not smuggle a line break in (the value is not quoted).
      xmlChar* raw = xmlNodeListGetString(node->doc, a->children, 1);
      std::string value = raw ? reinterpret_cast<const char*>(raw) : "";
      xmlFree(raw);
      for (unsigned char c : value) {
        if (c < 0x20 || c == 0x7F) {
          Error(node,
                "attribute '" + name + "' of <" + LocalName(node) +
                    "> contains a control character (line breaks and control characters are not "
                    "allowed)",
                name.c_str());
          break;
        }
      }
    }
    if (a->ns != nullptr) continue;  // foreign or koop attributes are checked where used
    bool ok = false;
    for (const char* x : allowed) ok = ok || name == x;
    if (!ok) {
      Error(node, "unknown attribute '" + name + "' on <" + LocalName(node) + ">", name.c_str());
    }
  }
}

std::shared_ptr<Chart> ChartBuilder::Build(const xmlNode* scxml) {
  chart_ = std::make_shared<Chart>();
  chart_->file = src_.name();
  chart_->base_dir = base_dir_;
  chart_->serial = g_next_serial.fetch_add(1);
  if (LocalName(scxml) != "scxml" || !IsScxml(scxml)) {
    Error(scxml, "the root element must be <scxml> in namespace " + std::string(kScxmlNs));
    return chart_;
  }
  CheckAttrs(scxml, {"initial", "name", "version", "datamodel", "binding", "xmlns"});
  chart_->name = Attr(scxml, "name");
  chart_->datamodel = Attr(scxml, "datamodel");
  // The null data model's only expressions are In() conditions, which the ECMAScript data model
  // evaluates the same way; such charts run on it.
  if (!chart_->datamodel.empty() && chart_->datamodel != "ecmascript" &&
      chart_->datamodel != "null") {
    Error(scxml, "unsupported datamodel '" + chart_->datamodel + "' (only 'ecmascript' or 'null')",
          "datamodel");
  }
  std::string binding = Attr(scxml, "binding");
  if (!binding.empty() && binding != "early" && binding != "late") {
    Error(scxml, "binding must be 'early' or 'late'", "binding");
  }
  chart_->late_binding = binding == "late";
  chart_->version = Attr(scxml, "version", kKoopNamespace);
  chart_->title = Attr(scxml, "title", kKoopNamespace);
  AddState(scxml, -1, StateKind::kRoot);
  ParseStateChildren(scxml, 0);
  if (HasAttr(scxml, "initial")) {
    pending_initial_.push_back({0, Attr(scxml, "initial"), scxml});
  }
  ResolveTargets();
  if (chart_->states[0].children.empty()) {
    Error(scxml, "<scxml> has no states");
  } else if (chart_->states[0].initial_transition < 0) {
    Transition t;  // the document's default initial transition: its first state
    t.index = static_cast<int>(chart_->transitions.size());
    t.source = 0;
    t.targets.push_back(chart_->states[0].children.front());
    chart_->states[0].initial_transition = t.index;
    chart_->transitions.push_back(std::move(t));
  }
  if (options_.warn_unreachable) CheckReachable();
  CheckKoop();
  if (chart_->states.size() > options_.max_states) {
    Error(scxml, "the chart has " + std::to_string(chart_->states.size()) + " states (limit " +
                     std::to_string(options_.max_states) + ")");
  }
  return chart_;
}

int ChartBuilder::AddState(const xmlNode* node, int parent, StateKind kind) {
  if (chart_->states.size() > options_.max_states) return -1;
  State st;
  st.index = static_cast<int>(chart_->states.size());
  st.kind = kind;
  st.parent = parent;
  st.depth = parent < 0 ? 0 : chart_->states[static_cast<std::size_t>(parent)].depth + 1;
  st.pos = src_.PosOf(node);
  st.title = Attr(node, "title", kKoopNamespace);
  if (kind != StateKind::kRoot) {
    if (HasAttr(node, "id")) {
      st.id = Attr(node, "id");
      if (chart_->state_by_id.count(st.id)) {
        Error(node, "duplicate state id '" + st.id + "'", "id");
      }
    } else {
      st.id = "__state" + std::to_string(st.index);
      st.generated_id = true;
    }
    chart_->state_by_id.emplace(st.id, st.index);
  } else {
    st.id = chart_->name.empty() ? "__scxml" : chart_->name;
    st.generated_id = true;
  }
  chart_->states.push_back(std::move(st));
  state_nodes_.push_back(node);
  if (parent >= 0) {
    auto& p = chart_->states[static_cast<std::size_t>(parent)];
    if (chart_->states.back().IsHistory())
      p.history.push_back(chart_->states.back().index);
    else
      p.children.push_back(chart_->states.back().index);
  }
  return chart_->states.back().index;
}

void ChartBuilder::ParseStateChildren(const xmlNode* node, int index) {
  const bool is_root = index == 0;
  const StateKind kind = chart_->states[static_cast<std::size_t>(index)].kind;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (!IsElement(c)) continue;
    std::string ns = NamespaceOf(c);
    if (ns == kKoopNamespace) {
      if (is_root)
        ParseKoopTop(c);
      else
        ParseKoopInState(c, chart_->states[static_cast<std::size_t>(index)]);
      continue;
    }
    if (!IsScxml(c)) continue;  // foreign elements are allowed and ignored
    std::string name = LocalName(c);
    if (name == "state" || name == "parallel" || name == "final") {
      if (kind == StateKind::kFinal) {
        Error(c, "<final> cannot contain states");
        continue;
      }
      StateKind k = name == "state"      ? StateKind::kState
                    : name == "parallel" ? StateKind::kParallel
                                         : StateKind::kFinal;
      if (name == "state")
        CheckAttrs(c, {"id", "initial"});
      else
        CheckAttrs(c, {"id"});
      int child = AddState(c, index, k);
      if (child < 0) return;
      if (name == "state" && HasAttr(c, "initial")) {
        pending_initial_.push_back({child, Attr(c, "initial"), c});
      }
      ParseStateChildren(c, child);
      auto& st = chart_->states[static_cast<std::size_t>(child)];
      if (name == "state" && HasAttr(c, "initial") && st.children.empty()) {
        Error(c, "atomic state '" + st.id + "' cannot have an initial attribute", "initial");
      }
    } else if (name == "history" && !is_root && kind != StateKind::kFinal) {
      CheckAttrs(c, {"id", "type"});
      std::string type = Attr(c, "type");
      if (!type.empty() && type != "shallow" && type != "deep") {
        Error(c, "history type must be 'shallow' or 'deep'", "type");
      }
      int h =
          AddState(c, index, type == "deep" ? StateKind::kHistoryDeep : StateKind::kHistoryShallow);
      if (h < 0) return;
      for (const xmlNode* t = c->children; t != nullptr; t = t->next) {
        if (IsElement(t) && LocalName(t) == "transition")
          ParseTransition(t, h, true);
        else if (IsElement(t))
          Error(t, "unexpected <" + LocalName(t) + "> in <history>");
      }
    } else if (name == "initial" && kind == StateKind::kState) {
      const xmlNode* t = nullptr;
      for (const xmlNode* x = c->children; x != nullptr; x = x->next) {
        if (IsElement(x) && LocalName(x) == "transition") t = x;
      }
      if (t == nullptr)
        Error(c, "<initial> needs a <transition>");
      else
        ParseTransition(t, index, true);
    } else if (name == "transition" && !is_root && kind != StateKind::kFinal) {
      ParseTransition(c, index, false);
    } else if (name == "onentry" && !is_root) {
      CheckAttrs(c, {});
      chart_->states[static_cast<std::size_t>(index)].onentry.push_back(ParseBlock(c));
    } else if (name == "onexit" && !is_root) {
      CheckAttrs(c, {});
      chart_->states[static_cast<std::size_t>(index)].onexit.push_back(ParseBlock(c));
    } else if (name == "datamodel") {
      ParseDatamodel(c, chart_->states[static_cast<std::size_t>(index)]);
    } else if (name == "invoke" && !is_root && kind != StateKind::kFinal) {
      ParseInvoke(c, chart_->states[static_cast<std::size_t>(index)]);
    } else if (name == "donedata" && kind == StateKind::kFinal) {
      ParseDoneData(c, chart_->states[static_cast<std::size_t>(index)]);
    } else if (name == "script" && is_root) {
      Block b;
      ParseAction(c, b);
      for (auto& a : b) chart_->root_scripts.push_back(std::move(a));
    } else {
      Error(c, "unexpected <" + name + "> in <" + LocalName(node) + ">");
    }
  }
}

void ChartBuilder::ParseTransition(const xmlNode* node, int source, bool initial_of_parent) {
  CheckAttrs(node, {"event", "cond", "target", "type"});
  Transition t;
  t.index = static_cast<int>(chart_->transitions.size());
  t.source = source;
  t.pos = src_.PosOf(node);
  t.title = Attr(node, "title", kKoopNamespace);
  for (std::string d : SplitSpace(Attr(node, "event"))) {
    if (d.size() >= 2 && d.compare(d.size() - 2, 2, ".*") == 0)
      d.resize(d.size() - 2);
    else if (!d.empty() && d.back() == '.')
      d.pop_back();
    t.events.push_back(d);
  }
  if (HasAttr(node, "cond")) t.cond = MakeExpr(node, "cond");
  std::string type = Attr(node, "type");
  if (!type.empty() && type != "internal" && type != "external") {
    Error(node, "transition type must be 'internal' or 'external'", "type");
  }
  t.internal = type == "internal";
  t.actions = ParseBlock(node);
  std::string target = Attr(node, "target");
  if (initial_of_parent) {
    if (!t.events.empty() || !t.cond.empty()) {
      Error(node, "an initial or history transition cannot have an event or cond");
    }
    if (target.empty()) Error(node, "an initial or history transition needs a target");
  }
  if (!target.empty()) pending_.push_back({t.index, target, node});
  int index = t.index;
  chart_->transitions.push_back(std::move(t));
  auto& st = chart_->states[static_cast<std::size_t>(source)];
  if (initial_of_parent)
    st.initial_transition = index;
  else
    st.transitions.push_back(index);
}

void ChartBuilder::ResolveTargets() {
  for (const auto& p : pending_) {
    auto& t = chart_->transitions[static_cast<std::size_t>(p.transition)];
    for (const auto& id : SplitSpace(p.targets)) {
      int s = chart_->FindState(id);
      if (s < 0)
        Error(p.node, "unknown target state '" + id + "'", "target");
      else
        t.targets.push_back(s);
    }
  }
  auto is_descendant = [&](int s, int of) {
    for (int p = chart_->states[static_cast<std::size_t>(s)].parent; p >= 0;
         p = chart_->states[static_cast<std::size_t>(p)].parent) {
      if (p == of) return true;
    }
    return false;
  };
  for (const auto& p : pending_initial_) {
    auto& st = chart_->states[static_cast<std::size_t>(p.state)];
    if (st.initial_transition >= 0) {
      Error(p.node, "state '" + st.id + "' has both an initial attribute and <initial>", "initial");
      continue;
    }
    Transition t;
    t.index = static_cast<int>(chart_->transitions.size());
    t.source = p.state;
    t.pos = src_.PosOf(p.node, "initial");
    for (const auto& id : SplitSpace(p.ids)) {
      int s = chart_->FindState(id);
      if (s < 0)
        Error(p.node, "unknown initial state '" + id + "'", "initial");
      else if (!is_descendant(s, p.state)) {
        Error(p.node, "initial state '" + id + "' is not a descendant of '" + st.id + "'",
              "initial");
      } else {
        t.targets.push_back(s);
      }
    }
    st.initial_transition = t.index;
    chart_->transitions.push_back(std::move(t));
  }
  for (const auto& st : chart_->states) {
    if (!st.IsHistory() || st.initial_transition < 0) continue;
    for (int target :
         chart_->transitions[static_cast<std::size_t>(st.initial_transition)].targets) {
      if (!is_descendant(target, st.parent)) {
        Error(state_nodes_[static_cast<std::size_t>(st.index)],
              "history default target '" + chart_->states[static_cast<std::size_t>(target)].id +
                  "' is not inside '" + chart_->states[static_cast<std::size_t>(st.parent)].id +
                  "'");
      }
    }
  }
}

// A state is reachable if the default entry of the chart enters it, if a transition (or history
// default) from a reachable state targets it or a descendant, or if it lies under a reachable
// parallel state or history.
void ChartBuilder::CheckReachable() {
  const auto& states = chart_->states;
  std::vector<char> reached(states.size(), 0);
  std::vector<int> work{0};
  auto enter = [&](int s, auto& self) -> void {
    for (int a = s; a >= 0 && !reached[static_cast<std::size_t>(a)];
         a = states[static_cast<std::size_t>(a)].parent) {
      reached[static_cast<std::size_t>(a)] = 1;
      work.push_back(a);
    }
    (void)self;
  };
  reached[0] = 1;
  while (!work.empty()) {
    int s = work.back();
    work.pop_back();
    const State& st = states[static_cast<std::size_t>(s)];
    std::vector<int> next;
    if (st.initial_transition >= 0) {
      for (int t : chart_->transitions[static_cast<std::size_t>(st.initial_transition)].targets)
        next.push_back(t);
    } else if (!st.children.empty() && st.kind != StateKind::kParallel) {
      next.push_back(st.children.front());
    }
    if (st.kind == StateKind::kParallel)
      next.insert(next.end(), st.children.begin(), st.children.end());
    if (st.kind == StateKind::kHistoryDeep || st.kind == StateKind::kHistoryShallow) {
      const State& p = states[static_cast<std::size_t>(st.parent)];
      next.insert(next.end(), p.children.begin(), p.children.end());
    }
    for (int t : st.transitions) {
      for (int target : chart_->transitions[static_cast<std::size_t>(t)].targets)
        next.push_back(target);
    }
    for (int n : next) enter(n, enter);
  }
  // Deep history may restore any descendant; those count as reached once their history is.
  for (const auto& st : states) {
    if (!reached[static_cast<std::size_t>(st.index)]) {
      Error(state_nodes_[static_cast<std::size_t>(st.index)],
            "state '" + st.id + "' is unreachable");
    }
  }
}

void ChartBuilder::ParseDatamodel(const xmlNode* node, State& state) {
  CheckAttrs(node, {});
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (!IsElement(c)) continue;
    if (LocalName(c) != "data") {
      Error(c, "unexpected <" + LocalName(c) + "> in <datamodel>");
      continue;
    }
    CheckAttrs(c, {"id", "expr", "src"});
    DataDecl d;
    d.pos = src_.PosOf(c);
    d.id = Attr(c, "id");
    if (d.id.empty()) Error(c, "<data> needs an id");
    int sources = HasAttr(c, "expr") + HasAttr(c, "src") +
                  (c->children != nullptr && !NormalizeSpace(TextContent(c)).empty());
    if (sources > 1) Error(c, "<data> may have only one of expr, src and content");
    if (HasAttr(c, "expr")) d.expr = MakeExpr(c, "expr");
    if (HasAttr(c, "src")) {
      d.has_src = true;
      d.src_text = ReadSubFile(c, Attr(c, "src"), "src");
    } else if (HasElementChildren(c)) {
      d.has_inline = true;
      d.inline_text = InnerXml(c);
    } else if (c->children != nullptr) {
      d.has_inline = true;
      d.inline_text = TextContent(c);
    }
    state.data.push_back(std::move(d));
  }
}

std::string ChartBuilder::ReadSubFile(const xmlNode* node, const std::string& src,
                                      const char* attr) {
  const std::string key = src.rfind("file:", 0) == 0 ? src.substr(5) : src;
  if (options_.stored_files != nullptr) {
    auto it = options_.stored_files->find(key);
    if (it == options_.stored_files->end()) {
      Error(node, "'" + key + "' is not stored with this definition", attr);
      return {};
    }
    chart_->included[key] = it->second;
    return it->second;
  }
  Result<std::string> text = ReadConfinedFile(base_dir_, src);
  if (!text.ok()) {
    Error(node, text.status().message(), attr);
    return {};
  }
  chart_->included[key] = *text;
  return std::move(*text);
}

void ChartBuilder::ParseDoneData(const xmlNode* node, State& state) {
  CheckAttrs(node, {});
  state.donedata.present = true;
  ParseParamsAndContent(node, state.donedata.params, state.donedata.content);
}

}  // namespace koop::model
