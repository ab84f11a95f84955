#include "server/listing_cache.h"

namespace koop::server {

std::shared_ptr<const std::string> ListingCache::Find(const std::string& key, std::int64_t version,
                                                      TimeMs now) {
  if (!enabled()) return nullptr;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  const Entry& e = it->second;
  // A clock set back (another server's, or --at) is a miss too: an overdue flag could unflip.
  if (e.version != version || now < e.made_at || now >= e.valid_until) return nullptr;
  return e.body;
}

void ListingCache::Store(const std::string& key, Entry entry) {
  if (!enabled() || !entry.body) return;
  const std::size_t size = entry.body->size() + key.size();
  if (size > max_bytes_ / 8) return;  // one list must not push out everyone else's
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= it->second.body->size() + key.size();
    entries_.erase(it);
  }
  if (bytes_ + size > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  bytes_ += size;
  entries_.emplace(key, std::move(entry));
}

}  // namespace koop::server
