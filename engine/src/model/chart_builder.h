// ChartBuilder: turns the element tree of one <scxml> document into a Chart, collecting every
// problem (schema: unknown elements and attributes, missing or conflicting attributes; semantics:
// duplicate ids, unknown targets, unreachable states, koop references) as Diagnostics. Used by
// the loader for files and for inline <scxml> children of <content>. Single use.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/chart.h"
#include "model/loader.h"
#include "model/xml_source.h"

namespace koop::model {

class ChartBuilder {
 public:
  ChartBuilder(const XmlSource& source, const std::string& base_dir, const LoadOptions& options,
               int nesting = 0);

  // Builds the chart rooted at `scxml` (an <scxml> element). Diagnostics accumulate.
  std::shared_ptr<Chart> Build(const xmlNode* scxml);
  std::vector<Diagnostic>& diagnostics() { return diags_; }

 private:
  // states
  int AddState(const xmlNode* node, int parent, StateKind kind);
  void ParseStateChildren(const xmlNode* node, int index);
  void ParseTransition(const xmlNode* node, int source, bool initial_of_parent);
  void ParseDatamodel(const xmlNode* node, State& state);
  void ParseInvoke(const xmlNode* node, State& state);
  void ParseDoneData(const xmlNode* node, State& state);
  void ResolveTargets();
  void CheckReachable();
  // executable content
  Block ParseBlock(const xmlNode* parent);
  bool ParseAction(const xmlNode* node, Block& out);
  void ParseParamsAndContent(const xmlNode* node, std::vector<Param>& params, Content& content);
  Expr MakeExpr(const xmlNode* node, const char* attr,
                CodeUnit::Kind kind = CodeUnit::Kind::kExpression);
  Expr MakeCode(const std::string& text, SourcePos pos, CodeUnit::Kind kind,
                const std::string& file);
  // koop
  void ParseKoopTop(const xmlNode* node);
  void ParseKoopEventData(const xmlNode* event);  // builder_event_data.cpp (also <k:start>)
  void ParseKoopInState(const xmlNode* node, State& state);
  bool ParseKoopAction(const xmlNode* node, Block& out);
  void CheckKoop();
  void CheckDoubleSatisfaction();
  void CheckAttrs(const xmlNode* node, std::initializer_list<const char*> allowed);

  void Error(const xmlNode* node, const std::string& message, const char* attr = nullptr);
  std::string ReadSubFile(const xmlNode* node, const std::string& src, const char* attr);

  const XmlSource& src_;
  std::string base_dir_;
  const LoadOptions& options_;
  int nesting_;
  std::shared_ptr<Chart> chart_;
  std::vector<Diagnostic> diags_;
  struct PendingTarget {
    int transition;
    std::string targets;
    const xmlNode* node;
  };
  std::vector<PendingTarget> pending_;
  struct PendingInitial {
    int state;
    std::string ids;
    const xmlNode* node;
  };
  std::vector<PendingInitial> pending_initial_;
  std::vector<const xmlNode*> state_nodes_;
  std::vector<std::string> satisfy_refs_;  // ids used by k:satisfy / k:cancel-deadline
  std::vector<const xmlNode*> satisfy_nodes_;
  std::set<std::string> satisfied_ids_;  // ids used by k:satisfy alone
  bool start_declared_ = false;          // one <k:start> at most
};

}  // namespace koop::model
