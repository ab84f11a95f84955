// Limits on what an instance's data model may hold, checked when it is serialised (every
// snapshot goes through DataModel::ToJson). A script can build values that JSON can write but
// the snapshot reader refuses (json_tree.cpp reads at most 512 levels); storing one would brick
// the instance, so the macrostep that made it is refused instead and nothing is written.
#pragma once

#include <cstddef>
#include <string>

#include "koop/status.h"

namespace koop::exec {

// Nesting of a variable's value (an array in an array is 2 levels); leaves room below the
// reader's 512 for the snapshot's own levels.
inline constexpr int kMaxDataDepth = 128;
// Size of the whole data model as JSON.
inline constexpr std::size_t kMaxDataBytes = 4u << 20;

// Checks the JSON object of user variables `json` (as DataModel::ToJson writes it). The error
// (kDataError) names `where` and the top-level variable at fault.
Status CheckDataLimits(const std::string& json, const std::string& where);

}  // namespace koop::exec
