// The Directory on a Database's connection (api/database.cpp creates it; koop/directory.h).
#pragma once

#include <memory>

#include "koop/directory.h"
#include "store/store.h"

namespace koop::catalog {

// `store` outlives the Directory.
std::unique_ptr<Directory> NewDirectory(store::Store& store);

}  // namespace koop::catalog
