#include "model/dot_writer.h"

#include <sstream>

namespace koop::model {
namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string NodeName(const State& s) { return "\"s" + std::to_string(s.index) + "\""; }

std::string Label(const State& s) {
  if (s.title.empty()) return Escape(s.id);
  return Escape(s.title) + "\\n(" + Escape(s.id) + ")";
}

// Edges to or from a cluster attach to a representative node inside it.
int Anchor(const Chart& c, int s) {
  while (!c.states[static_cast<std::size_t>(s)].children.empty()) {
    s = c.states[static_cast<std::size_t>(s)].children.front();
  }
  return s;
}

void WriteState(const Chart& c, int index, std::ostringstream& out, int indent) {
  const State& s = c.states[static_cast<std::size_t>(index)];
  std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  if (!s.children.empty()) {
    out << pad << "subgraph cluster_" << s.index << " {\n";
    out << pad << "  label=\"" << Label(s) << "\";\n";
    out << pad << "  style=" << (s.kind == StateKind::kParallel ? "dashed" : "rounded") << ";\n";
    for (int h : s.history) {
      const State& hs = c.states[static_cast<std::size_t>(h)];
      out << pad << "  " << NodeName(hs) << " [label=\""
          << (hs.kind == StateKind::kHistoryDeep ? "H*" : "H") << "\", shape=circle];\n";
    }
    for (int child : s.children) WriteState(c, child, out, indent + 1);
    out << pad << "}\n";
    return;
  }
  out << pad << NodeName(s) << " [label=\"" << Label(s) << "\"";
  if (s.kind == StateKind::kFinal) out << ", shape=doublecircle";
  out << "];\n";
}

}  // namespace

std::string ChartToDot(const Chart& c) {
  std::ostringstream out;
  out << "digraph \"" << Escape(c.name.empty() ? "chart" : c.name) << "\" {\n";
  out << "  compound=true;\n  rankdir=TB;\n";
  out << "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  if (!c.title.empty()) out << "  label=\"" << Escape(c.title) << "\";\n  labelloc=t;\n";
  out << "  \"__start\" [shape=point];\n";
  for (int child : c.Root().children) WriteState(c, child, out, 1);
  const auto& root = c.Root();
  if (root.initial_transition >= 0) {
    for (int t : c.transitions[static_cast<std::size_t>(root.initial_transition)].targets) {
      out << "  \"__start\" -> " << NodeName(c.states[static_cast<std::size_t>(Anchor(c, t))])
          << ";\n";
    }
  }
  for (const auto& t : c.transitions) {
    if (t.source <= 0) continue;
    const State& src = c.states[static_cast<std::size_t>(t.source)];
    if (src.IsHistory() || src.initial_transition == t.index) continue;
    std::string label;
    for (const auto& e : t.events) label += (label.empty() ? "" : " ") + e;
    if (!t.title.empty()) label = t.title + (label.empty() ? "" : "\n[" + label + "]");
    if (!t.cond.empty()) label += "\n[" + t.cond.text + "]";
    std::vector<int> targets = t.targets.empty() ? std::vector<int>{t.source} : t.targets;
    for (int target : targets) {
      int from = Anchor(c, t.source);
      int to = Anchor(c, target);
      out << "  " << NodeName(c.states[static_cast<std::size_t>(from)]) << " -> "
          << NodeName(c.states[static_cast<std::size_t>(to)]) << " [label=\"" << Escape(label)
          << "\"";
      if (!src.children.empty()) out << ", ltail=cluster_" << src.index;
      const State& dst = c.states[static_cast<std::size_t>(target)];
      if (!dst.children.empty()) out << ", lhead=cluster_" << dst.index;
      if (t.targets.empty()) out << ", style=dotted";
      out << "];\n";
    }
  }
  out << "}\n";
  return out.str();
}

}  // namespace koop::model
