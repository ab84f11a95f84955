// Engine::Open: the public facade over Store + InstanceService.
#include "instance/instance_service.h"
#include "koop/engine.h"
#include "store/store.h"

namespace koop {
namespace {

class EngineImpl final : public Engine {
 public:
  EngineImpl(std::unique_ptr<store::Store> store, const EngineOptions& options)
      : store_(std::move(store)), service_(*store_, options) {}

  std::string database_name() const override { return store_->display_name(); }
  int schema_version() const override { return store_->schema_version(); }
  int applied_migrations() const override { return store_->applied_migrations(); }
  Result<DefinitionInfo> RegisterWorkflow(const std::string& path) override {
    return service_.RegisterWorkflow(path);
  }
  Result<StepOutcome> Start(const StartRequest& request) override {
    return service_.Start(request);
  }
  Result<StepOutcome> Fire(const FireRequest& request) override { return service_.Fire(request); }
  std::vector<Result<StepOutcome>> FireBatch(const std::vector<FireRequest>& requests) override {
    return service_.FireBatch(requests);
  }
  Result<StepOutcome> Advance(const std::string& instance_id, TimeMs at) override {
    return service_.Advance(instance_id, at);
  }
  Result<InstanceView> Show(const std::string& instance_id) override {
    return service_.Show(instance_id);
  }
  Result<std::vector<InstanceSummary>> List() override { return service_.List(); }
  Result<std::string> Replay(const std::string& instance_id) override {
    return service_.Replay(instance_id);
  }

 private:
  std::unique_ptr<store::Store> store_;
  exec::InstanceService service_;
};

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options) {
  store::OpenOptions open;
  open.create_if_missing = options.create_if_missing;
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(options.db_uri, open);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Engine>(new EngineImpl(std::move(*store), options));
}

}  // namespace koop
