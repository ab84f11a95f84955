#include "koop/log_context.h"

#include <utility>

namespace koop {
namespace {
thread_local std::string current_context;
}

ScopedLogContext::ScopedLogContext(std::string id) : previous_(std::move(current_context)) {
  current_context = std::move(id);
}

ScopedLogContext::~ScopedLogContext() { current_context = std::move(previous_); }

const std::string& CurrentLogContext() { return current_context; }

}  // namespace koop
