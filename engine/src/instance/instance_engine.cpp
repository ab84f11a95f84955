// NewEngine: the public Engine facade over InstanceService on a borrowed Store.
#include "instance/instance_engine.h"

#include "instance/instance_service.h"

namespace koop::instance {
namespace {

class EngineImpl final : public Engine {
 public:
  EngineImpl(store::Store& store, const DatabaseOptions& options) : service_(store, options) {}

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
  exec::InstanceService service_;
};

}  // namespace

std::unique_ptr<Engine> NewEngine(store::Store& store, const DatabaseOptions& options) {
  return std::make_unique<EngineImpl>(store, options);
}

}  // namespace koop::instance
