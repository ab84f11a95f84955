// NewEngine: the public koop::Engine over a Store the caller keeps open (koop::Database owns it).
#pragma once

#include <memory>

#include "koop/database.h"
#include "koop/engine.h"
#include "store/store.h"

namespace koop::instance {

// The Engine must not outlive `store`.
std::unique_ptr<Engine> NewEngine(store::Store& store, const DatabaseOptions& options);

}  // namespace koop::instance
