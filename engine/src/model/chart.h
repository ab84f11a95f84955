// Chart: the immutable, validated plan of one SCXML document (with its `koop` extension), as the
// loader builds it. States are numbered in document order (index 0 is the <scxml> root), so the
// interpreter works on small integers; transitions likewise. Expressions and scripts carry a
// chart-wide id so the rules host can compile each one once and cache it. A Chart is shared
// (std::shared_ptr<const Chart>) by every instance that runs it and is never modified after
// loading; it is safe to read from several threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/koop_plan.h"

namespace koop::model {

// An ECMAScript expression or script body from the document.
struct Expr {
  std::string text;
  SourcePos pos;
  int id = -1;  // index into Chart::code; -1 = absent
  bool empty() const { return id < 0; }
};

struct Param {  // <param name expr|location>
  std::string name;
  Expr expr;  // expr, or location read as an expression
  SourcePos pos;
};

struct Content {  // <content expr> or <content>inline</content>
  bool present = false;
  Expr expr;
  std::string text;  // inline text (whitespace trimmed) when not a document
  std::shared_ptr<const struct Chart> document;  // inline <scxml> child (for <invoke>)
  std::string document_xml;                      // the inline markup, serialized
};

enum class ActionKind {
  kRaise,
  kSend,
  kCancel,
  kAssign,
  kScript,
  kLog,
  kIf,
  kForeach,
  kDeadline,        // <k:deadline>
  kCancelDeadline,  // <k:cancel-deadline id>
  kSatisfy,         // <k:satisfy id>: a deadline or recurring obligation was met
  kRefuse,          // <k:refuse reason>: the event is refused (expr holds the reason)
};

struct Action;
using Block = std::vector<Action>;

struct IfBranch {
  Expr cond;  // empty for <else>
  Block body;
};

// One element of executable content. Fields are used according to `kind`.
struct Action {
  ActionKind kind = ActionKind::kLog;
  SourcePos pos;
  // raise/send: event; send: target, type, id, delay (literal or expr), namelist, params, content.
  std::string event;
  Expr eventexpr;
  std::string target;
  Expr targetexpr;
  std::string type;
  Expr typeexpr;
  std::string id;          // send id / cancel sendid / k:cancel-deadline / k:satisfy
  std::string idlocation;  // location for a generated send id
  Expr idlocation_expr;    // same, compiled as a location
  Expr sendidexpr;         // cancel
  std::string delay;       // "500ms", "2s"
  Expr delayexpr;
  std::vector<std::string> namelist;
  std::vector<Expr> namelist_exprs;
  std::vector<Param> params;
  Content content;
  // assign: location + expr|content; log: label + expr; script: expr holds the code.
  std::string location;
  Expr location_expr;  // the location compiled for assignment
  Expr expr;
  std::string label;
  // if: branches in order (if, elseif..., else); foreach: array/item/index + body.
  std::vector<IfBranch> branches;
  Expr array;
  std::string item;
  std::string index;
  Block body;
  // k:deadline
  std::shared_ptr<const KoopDeadline> deadline;
};

enum class StateKind { kRoot, kState, kParallel, kFinal, kHistoryShallow, kHistoryDeep };

struct DataDecl {  // <data id expr|src|content>
  std::string id;
  Expr expr;
  std::string src_text;  // content of a src="file:..." loaded at load time
  bool has_src = false;
  std::string inline_text;  // <data>inline</data>
  bool has_inline = false;
  SourcePos pos;
};

struct Invoke {
  std::string type;
  Expr typeexpr;
  std::string src;
  Expr srcexpr;
  std::string id;
  std::string idlocation;
  Expr idlocation_expr;
  std::vector<std::string> namelist;
  std::vector<Expr> namelist_exprs;
  bool autoforward = false;
  std::vector<Param> params;
  Content content;
  Block finalize;
  std::string base_dir;                           // for resolving src
  std::shared_ptr<const struct Chart> src_chart;  // src loaded at load time when literal
  SourcePos pos;
};

struct DoneData {
  bool present = false;
  std::vector<Param> params;
  Content content;
};

struct Transition {
  int index = -1;                   // document order among transitions
  int source = -1;                  // state index
  std::vector<std::string> events;  // descriptors with any trailing ".*" / "." removed; "*" kept
  Expr cond;
  std::vector<int> targets;  // state indices; empty = targetless
  bool internal = false;
  Block actions;
  std::string title;  // k:title
  SourcePos pos;
};

struct State {
  int index = -1;
  std::string id;  // generated ("__state12") when the document has none
  bool generated_id = false;
  StateKind kind = StateKind::kState;
  int parent = -1;
  int depth = 0;
  std::vector<int> children;     // states only (not history), document order
  std::vector<int> history;      // history pseudo-states that are children
  int initial_transition = -1;   // <initial> or initial="..." (index into transitions)
  std::vector<int> transitions;  // own transitions in document order
  std::vector<Block> onentry;    // one Block per <onentry> element
  std::vector<Block> onexit;
  std::vector<DataDecl> data;  // datamodel declared here
  std::vector<Invoke> invokes;
  DoneData donedata;  // final states
  // history states: the default transition
  // (initial_transition is reused for the history's default transition)
  std::string title;  // k:title
  std::vector<KoopRecurring> recurring;
  std::vector<KoopPack> packs;
  // <k:successor workflow> on a top-level <final>: the workflow started, from this instance,
  // in the transaction in which the instance ends here ("" = none).
  std::string successor;
  SourcePos pos;

  bool IsAtomic() const {
    return (kind == StateKind::kState && children.empty()) || kind == StateKind::kFinal;
  }
  bool IsCompound() const {
    return (kind == StateKind::kState || kind == StateKind::kRoot) && !children.empty();
  }
  bool IsHistory() const {
    return kind == StateKind::kHistoryShallow || kind == StateKind::kHistoryDeep;
  }
};

// One compiled-once unit of code: its text and where it came from.
struct CodeUnit {
  enum class Kind { kExpression, kScript, kLocation };
  Kind kind = Kind::kExpression;
  std::string text;
  std::string file;   // the XML file, or the script's own file for <script src>
  SourcePos pos;      // in `file`; for a script file, line 1
  int text_line = 1;  // line of `file` on which `text` begins (for error lines)
};

// The files a chart's <script src>, <data src> and <invoke src> name, keyed by the src as written
// (without a "file:" prefix), with the text the loader read. A definition stored in the database
// keeps them beside its source, so replay never reads the disk (docs/decisions.md).
using IncludedFiles = std::map<std::string, std::string>;

struct Chart {
  std::string file;      // path as given to the loader
  std::string base_dir;  // folder for relative src
  std::string name;      // <scxml name>
  std::string datamodel;
  bool late_binding = false;
  std::vector<State> states;            // [0] = root
  std::vector<Transition> transitions;  // document order
  std::vector<CodeUnit> code;           // every Expr::id points here
  std::map<std::string, int> state_by_id;
  Block root_scripts;        // top-level <script> elements, run at start in document order
  std::uint64_t serial = 0;  // unique per loaded chart in this process (cache key)
  IncludedFiles included;    // every file read for this chart and the documents it invokes

  // koop metadata
  std::string version;  // k:version
  std::string title;    // k:title
  std::vector<KoopParam> params;
  std::vector<KoopField> fields;
  std::vector<KoopEventTitle> event_titles;
  // <k:start from as>: an instance may be started from a finished instance of workflow
  // `start_from`, whose data model (without its personal fields) becomes the top-level data
  // `start_as` ("" = not declared).
  std::string start_from;
  std::string start_as;
  SourcePos start_pos;

  const State& Root() const { return states[0]; }
  int FindState(const std::string& id) const {
    auto it = state_by_id.find(id);
    return it == state_by_id.end() ? -1 : it->second;
  }
  // All deadlines declared anywhere in executable content (for the time engine and validation).
  std::vector<const KoopDeadline*> Deadlines() const;
};

}  // namespace koop::model
