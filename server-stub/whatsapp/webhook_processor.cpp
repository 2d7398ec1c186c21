#include "server-stub/whatsapp/webhook_processor.h"

#include <chrono>
#include <variant>

#include "server-stub/whatsapp/webhook_commands.h"
#include "server-stub/whatsapp/webhook_parser.h"

namespace inbox::relay::whatsapp {

namespace {
constexpr size_t kBodiesPerBatchMax = 100;
// Also the retry pace after a store failure or a failed commit.
constexpr std::chrono::milliseconds kIdlePoll{1000};
}  // namespace

WebhookProcessor::WebhookProcessor(WebhookInbox& inbox, StateMirror& mirror, SubmitCommands submit)
    : inbox_(inbox), mirror_(mirror), submit_(std::move(submit)),
      worker_([this] { return process_some() ? std::chrono::milliseconds(0) : kIdlePoll; }) {}

ProcessorStats WebhookProcessor::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

bool WebhookProcessor::process_some() {
  auto rows = inbox_.unprocessed(kBodiesPerBatchMax);
  if (std::holds_alternative<StoreError>(rows)) return false;
  const auto& bodies = std::get<std::vector<InboxRow>>(rows);
  if (bodies.empty()) return false;
  if (store_error(mirror_.catch_up())) return false;  // a channel created a moment ago must be known

  std::vector<Command> commands;
  std::vector<int64_t> ids;
  uint64_t unreadable = 0;
  for (const InboxRow& row : bodies) {
    ids.push_back(row.id);
    auto parsed = parse_webhook(row.body);
    if (const auto* contents = std::get_if<WebhookContents>(&parsed)) {
      std::vector<Command> more = mirror_.read([&](const State& state) { return webhook_commands(state, *contents); });
      for (Command& command : more) commands.push_back(std::move(command));
    } else {
      ++unreadable;
    }
  }
  const size_t submitted = commands.size();
  if (!commands.empty()) {
    const bool committed = submit_and_wait(submit_, std::move(commands), [this] { return worker_.stopping(); });
    if (!committed) return false;
  }
  if (store_error(inbox_.mark_processed(ids))) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  stats_.bodies_processed += ids.size();
  stats_.bodies_unreadable += unreadable;
  stats_.commands_submitted += submitted;
  return true;
}

}  // namespace inbox::relay::whatsapp
