#include "server-stub/whatsapp/submit_commands.h"

#include <chrono>
#include <future>
#include <memory>

namespace inbox::relay::whatsapp {

bool submit_and_wait(const SubmitCommands& submit, std::vector<Command> commands, const std::function<bool()>& stopping) {
  // Shared: the hub may call `done` after this returns (when it stopped us waiting).
  auto committed = std::make_shared<std::promise<bool>>();
  std::future<bool> result = committed->get_future();
  submit(std::move(commands), [committed](bool ok) { committed->set_value(ok); });
  while (result.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
    if (stopping()) return false;
  }
  return result.get();
}

}  // namespace inbox::relay::whatsapp
