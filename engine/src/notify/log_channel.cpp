#include <ostream>

#include "notify/channel.h"

namespace koop::notify {
namespace {

class LogChannel final : public Channel {
 public:
  explicit LogChannel(std::ostream& out) : out_(out) {}
  Status Send(const OutgoingMessage& m) override {
    out_ << "reminder " << m.message_id << " to " << m.to << ": " << m.subject << '\n';
    out_.flush();
    if (!out_) return Status::IoError("cannot write the reminder log");
    return Status::Ok();
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Channel> NewLogChannel(std::ostream& out) {
  return std::make_unique<LogChannel>(out);
}

}  // namespace koop::notify
