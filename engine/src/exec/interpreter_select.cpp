// Transition selection and the exit/entry set computations of SCXML Appendix D, on state
// indices (document order = index order).
#include <algorithm>

#include "exec/interpreter_state.h"

namespace koop::exec {

bool InterpreterState::IsDescendant(int s, int ancestor) const {
  if (ancestor < 0) return false;
  for (int p = S(s).parent; p >= 0; p = S(p).parent) {
    if (p == ancestor) return true;
  }
  return false;
}

std::vector<int> InterpreterState::ProperAncestors(int s, int up_to) const {
  std::vector<int> out;
  for (int p = S(s).parent; p >= 0 && p != up_to; p = S(p).parent) out.push_back(p);
  return out;
}

std::vector<int> InterpreterState::InitialTargets(int s) const {
  const auto& st = S(s);
  if (st.initial_transition >= 0) return T(st.initial_transition).targets;
  if (!st.children.empty()) return {st.children.front()};
  return {};
}

bool InterpreterState::IsInFinalState(int s) const {
  const auto& st = S(s);
  if (st.IsCompound()) {
    for (int c : st.children) {
      if (S(c).kind == model::StateKind::kFinal && configuration[static_cast<std::size_t>(c)])
        return true;
    }
    return false;
  }
  if (st.kind == model::StateKind::kParallel) {
    for (int c : st.children) {
      if (!IsInFinalState(c)) return false;
    }
    return true;
  }
  return false;
}

std::vector<int> InterpreterState::SelectTransitions(const Event* event) {
  std::vector<int> enabled;
  const int n = static_cast<int>(chart->states.size());
  for (int s = 0; s < n; ++s) {
    if (!configuration[static_cast<std::size_t>(s)] || !S(s).IsAtomic()) continue;
    bool found = false;
    for (int anc = s; anc >= 0 && !found; anc = S(anc).parent) {
      for (int t : S(anc).transitions) {
        const auto& tr = T(t);
        if (event == nullptr
                ? !tr.events.empty()
                : (tr.events.empty() || !AnyDescriptorMatches(tr.events, event->name))) {
          continue;
        }
        if (!tr.cond.empty()) {
          auto ok = dm->EvalGuard(tr.cond);
          if (!ok.ok()) {
            RaiseError("error.execution", ok.status().message());
            continue;
          }
          if (!*ok) continue;
        }
        if (std::find(enabled.begin(), enabled.end(), t) == enabled.end()) enabled.push_back(t);
        found = true;
        break;
      }
    }
  }
  return RemoveConflicting(enabled);
}

std::vector<int> InterpreterState::RemoveConflicting(const std::vector<int>& enabled) {
  std::vector<int> filtered;
  for (int t1 : enabled) {
    bool preempted = false;
    std::vector<int> to_remove;
    std::vector<int> exit1 = ComputeExitSet({t1});
    for (int t2 : filtered) {
      std::vector<int> exit2 = ComputeExitSet({t2});
      bool intersect = false;
      for (int s : exit1) {
        if (std::find(exit2.begin(), exit2.end(), s) != exit2.end()) {
          intersect = true;
          break;
        }
      }
      if (!intersect) continue;
      if (IsDescendant(T(t1).source, T(t2).source)) {
        to_remove.push_back(t2);
      } else {
        preempted = true;
        break;
      }
    }
    if (!preempted) {
      for (int r : to_remove) filtered.erase(std::find(filtered.begin(), filtered.end(), r));
      filtered.push_back(t1);
    }
  }
  return filtered;
}

std::vector<int> InterpreterState::ComputeExitSet(const std::vector<int>& transitions) const {
  std::vector<int> out;
  for (int t : transitions) {
    if (T(t).targets.empty()) continue;
    int domain = TransitionDomain(t);
    if (domain < 0) continue;
    const int n = static_cast<int>(chart->states.size());
    for (int s = 0; s < n; ++s) {
      if (configuration[static_cast<std::size_t>(s)] && IsDescendant(s, domain) &&
          std::find(out.begin(), out.end(), s) == out.end()) {
        out.push_back(s);
      }
    }
  }
  return out;
}

std::vector<int> InterpreterState::EffectiveTargets(int t) const {
  std::vector<int> out;
  for (int s : T(t).targets) {
    std::vector<int> add;
    if (S(s).IsHistory()) {
      auto it = history.find(s);
      if (it != history.end())
        add = it->second;
      else if (S(s).initial_transition >= 0)
        add = EffectiveTargets(S(s).initial_transition);
    } else {
      add.push_back(s);
    }
    for (int a : add) {
      if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
  }
  return out;
}

int InterpreterState::FindLcca(const std::vector<int>& states) const {
  for (int anc : ProperAncestors(states.front(), -1)) {
    const auto& st = S(anc);
    if (!(st.IsCompound() || st.kind == model::StateKind::kRoot)) continue;
    bool all = true;
    for (std::size_t i = 1; i < states.size() && all; ++i) all = IsDescendant(states[i], anc);
    if (all) return anc;
  }
  return 0;
}

int InterpreterState::TransitionDomain(int t) const {
  const auto& tr = T(t);
  std::vector<int> targets = EffectiveTargets(t);
  if (targets.empty()) return -1;
  if (tr.source == 0) return 0;
  if (tr.internal && S(tr.source).IsCompound()) {
    bool all = true;
    for (int s : targets) all = all && IsDescendant(s, tr.source);
    if (all) return tr.source;
  }
  std::vector<int> list{tr.source};
  list.insert(list.end(), targets.begin(), targets.end());
  return FindLcca(list);
}

void InterpreterState::ComputeEntrySet(const std::vector<int>& transitions,
                                       std::vector<int>& to_enter, std::set<int>& default_entry,
                                       std::map<int, const model::Block*>& history_content) {
  for (int t : transitions) {
    for (int s : T(t).targets) AddDescendants(s, to_enter, default_entry, history_content);
    int ancestor = TransitionDomain(t);
    for (int s : EffectiveTargets(t)) {
      AddAncestors(s, ancestor, to_enter, default_entry, history_content);
    }
  }
}

void InterpreterState::AddDescendants(int state, std::vector<int>& to_enter,
                                      std::set<int>& default_entry,
                                      std::map<int, const model::Block*>& history_content) {
  const auto& st = S(state);
  if (st.IsHistory()) {
    auto it = history.find(state);
    std::vector<int> targets;
    if (it != history.end()) {
      targets = it->second;
    } else if (st.initial_transition >= 0) {
      history_content[st.parent] = &T(st.initial_transition).actions;
      targets = T(st.initial_transition).targets;
    }
    for (int s : targets) AddDescendants(s, to_enter, default_entry, history_content);
    for (int s : targets) AddAncestors(s, st.parent, to_enter, default_entry, history_content);
    return;
  }
  if (std::find(to_enter.begin(), to_enter.end(), state) == to_enter.end()) {
    to_enter.push_back(state);
  }
  if (st.IsCompound()) {
    default_entry.insert(state);
    for (int s : InitialTargets(state)) {
      AddDescendants(s, to_enter, default_entry, history_content);
      AddAncestors(s, state, to_enter, default_entry, history_content);
    }
  } else if (st.kind == model::StateKind::kParallel) {
    for (int child : st.children) {
      bool covered = false;
      for (int s : to_enter) covered = covered || s == child || IsDescendant(s, child);
      if (!covered) AddDescendants(child, to_enter, default_entry, history_content);
    }
  }
}

void InterpreterState::AddAncestors(int state, int ancestor, std::vector<int>& to_enter,
                                    std::set<int>& default_entry,
                                    std::map<int, const model::Block*>& history_content) {
  for (int anc : ProperAncestors(state, ancestor)) {
    if (anc == 0) break;
    if (std::find(to_enter.begin(), to_enter.end(), anc) == to_enter.end()) {
      to_enter.push_back(anc);
    }
    if (S(anc).kind == model::StateKind::kParallel) {
      for (int child : S(anc).children) {
        bool covered = false;
        for (int s : to_enter) covered = covered || s == child || IsDescendant(s, child);
        if (!covered) AddDescendants(child, to_enter, default_entry, history_content);
      }
    }
  }
}

}  // namespace koop::exec
