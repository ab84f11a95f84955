#include "catalog/instance_facts.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <mutex>
#include <unordered_map>

namespace koop::catalog {
namespace {

constexpr std::size_t kMaxCached = 100000;
constexpr std::size_t kChunk = 64;

std::string TextAt(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return "";
  Poco::Dynamic::Var v = o->get(key);
  return v.isString() || v.isNumeric() ? v.convert<std::string>() : "";
}

struct Entry {
  std::int64_t last_seq;
  std::shared_ptr<const InstanceFacts> facts;
};

// database "\n" instance "\n" team field -> facts. Dropped whole when full (rare: a bounded
// number of instances are listed at a time; the next listings refill it).
class Cache {
 public:
  std::shared_ptr<const InstanceFacts> Find(const std::string& key, const FactsKey& k) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.last_seq != k.last_seq) return nullptr;
    return it->second.facts;
  }
  void Put(const std::string& key, const FactsKey& k, std::shared_ptr<const InstanceFacts> f) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= kMaxCached) entries_.clear();
    entries_[key] = {k.last_seq, std::move(f)};
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

Cache& SharedCache() {
  static Cache cache;
  return cache;
}

}  // namespace

InstanceFacts ReadFacts(const std::string& instance_id, const std::string& snapshot,
                        const std::string& municipality_json, const std::string& team_field) {
  InstanceFacts f;
  f.case_number = instance_id;
  try {
    Poco::JSON::Parser parser;
    auto mun = parser.parse(municipality_json).extract<Poco::JSON::Object::Ptr>();
    f.municipality_name = TextAt(mun, "name");
    f.teryt = TextAt(mun, "teryt");
    parser.reset();
    auto root = parser.parse(snapshot).extract<Poco::JSON::Object::Ptr>();
    if (auto conf = root->getArray("configuration")) {
      for (std::size_t i = 0; i < conf->size(); ++i)
        f.states.push_back(conf->getElement<std::string>(i));
    }
    Poco::JSON::Object::Ptr data = root->getObject("data");
    if (data) {
      std::string number = TextAt(data->getObject("sprawa"), "numer");
      if (!number.empty()) f.case_number = number;
      if (!team_field.empty()) {
        Poco::JSON::Array::Ptr team = data->getArray(team_field);
        for (std::size_t i = 0; team && i < team->size(); ++i) {
          Poco::JSON::Object::Ptr item = team->getObject(i);
          std::string id = TextAt(item, "id");
          if (!id.empty()) f.team.push_back(id);
        }
      }
    }
  } catch (const std::exception&) {
    // Written by the engine; an unreadable one is shown by id and matches no team.
  }
  return f;
}

Result<std::vector<std::shared_ptr<const InstanceFacts>>> LoadFacts(
    store::Transaction& tx, const std::string& database, const std::vector<FactsKey>& keys) {
  std::vector<std::shared_ptr<const InstanceFacts>> out(keys.size());
  std::vector<std::string> cache_keys(keys.size());
  std::vector<std::size_t> missing;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    cache_keys[i] = database + '\n' + keys[i].instance_id + '\n' + keys[i].team_field;
    out[i] = SharedCache().Find(cache_keys[i], keys[i]);
    if (!out[i]) missing.push_back(i);
  }
  for (std::size_t from = 0; from < missing.size(); from += kChunk) {
    std::size_t n = std::min(kChunk, missing.size() - from);
    // Always kChunk placeholders (the last id repeated): one statement text, prepared once.
    std::string sql =
        "SELECT instance_id, snapshot, municipality, last_seq FROM instances "
        "WHERE instance_id IN (?";
    store::SqlParams params{keys[missing[from]].instance_id};
    for (std::size_t j = 1; j < kChunk; ++j) {
      sql += ", ?";
      params.emplace_back(keys[missing[from + std::min(j, n - 1)]].instance_id);
    }
    sql += ")";
    Result<store::SqlRows> rows = tx.Query(sql, params);
    if (!rows.ok()) return rows.status();
    std::unordered_map<std::string, const store::SqlRow*> by_id;
    for (const store::SqlRow& r : *rows) by_id[r.Text(0)] = &r;
    for (std::size_t j = 0; j < n; ++j) {
      std::size_t i = missing[from + j];
      auto it = by_id.find(keys[i].instance_id);
      if (it == by_id.end()) {
        out[i] =
            std::make_shared<InstanceFacts>(InstanceFacts{keys[i].instance_id, {}, {}, "", ""});
        continue;  // deleted meanwhile (not in this snapshot of the database): not cached
      }
      const store::SqlRow& r = *it->second;
      auto facts = std::make_shared<const InstanceFacts>(
          ReadFacts(keys[i].instance_id, r.Text(1), r.Text(2), keys[i].team_field));
      // Cached under the version read with the documents (the same transaction as the keys).
      SharedCache().Put(cache_keys[i], FactsKey{keys[i].instance_id, keys[i].team_field, r.Int(3)},
                        facts);
      out[i] = facts;
    }
  }
  return out;
}

}  // namespace koop::catalog
