#include "server-stub/whatsapp/outbox_sender.h"

#include <algorithm>

namespace inbox::relay::whatsapp {

namespace {
constexpr size_t kScanEventsMax = 1000;
constexpr size_t kSendsPerRoundMax = 20;
// The longest sleep: a safety net should a wake-up be lost.
constexpr int64_t kIdlePollMs = 1000;
}  // namespace

OutboxSender::OutboxSender(OutboxStore& store, StateMirror& mirror, SubmitCommands submit, SenderConfig config)
    : store_(store), mirror_(mirror), submit_(std::move(submit)), config_(std::move(config)),
      random_(std::random_device()()), worker_([this] { return round(); }) {}

SenderStats OutboxSender::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

std::chrono::milliseconds OutboxSender::round() {
  const bool queued = queue_committed();
  const int64_t now_ms = config_.clock();
  auto due = store_.due(now_ms, kSendsPerRoundMax);
  if (queued && std::holds_alternative<std::vector<OutboxRow>>(due)) {
    const auto& rows = std::get<std::vector<OutboxRow>>(due);
    for (const OutboxRow& row : rows) {
      if (worker_.stopping()) return std::chrono::milliseconds(0);
      send(row, now_ms);
    }
    if (rows.size() == kSendsPerRoundMax) return std::chrono::milliseconds(0);
  }
  int64_t wait_ms = kIdlePollMs;
  auto next = store_.next_due();
  if (const auto* at = std::get_if<std::optional<int64_t>>(&next); at && at->has_value()) {
    wait_ms = std::clamp<int64_t>(**at - config_.clock(), 0, kIdlePollMs);
  }
  return std::chrono::milliseconds(wait_ms);
}

bool OutboxSender::queue_committed() {
  if (store_error(mirror_.catch_up())) return false;
  auto stored_cursor = store_.cursor();
  if (std::holds_alternative<StoreError>(stored_cursor)) return false;
  const std::optional<uint64_t> cursor = std::get<std::optional<uint64_t>>(stored_cursor);
  // Set when sending is first configured (WhatsAppService::open); without it, start at the present.
  if (!cursor) return !store_error(store_.enqueue({}, mirror_.seq(), config_.clock()));
  uint64_t seq = *cursor;
  for (;;) {
    auto read = mirror_.applied_after(seq, kScanEventsMax);
    if (std::holds_alternative<StoreError>(read)) return false;
    const auto& events = std::get<std::vector<Event>>(read);
    if (events.empty()) return true;
    std::vector<OutboundMessage> messages;
    mirror_.read([&](const State& state) {
      for (const Event& event : events) {
        if (const auto* added = std::get_if<MessageAdded>(&event.body)) {
          if (auto message = outbound_for(state, *added)) messages.push_back(std::move(*message));
        }
      }
      return 0;
    });
    seq += events.size();
    if (store_error(store_.enqueue(messages, seq, config_.clock()))) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    stats_.queued += messages.size();
  }
}

void OutboxSender::send(const OutboxRow& row, int64_t now_ms) {
  const GraphReply reply = post_to_graph(config_.graph, "/" + row.phone_number_id + "/messages", config_.access_token,
                                         row.payload, config_.request_timeout);
  SendVerdict verdict = classify_reply(reply);
  const uint32_t attempts = row.attempts + 1;
  if (verdict.outcome == SendOutcome::retry && attempts >= config_.backoff.attempts_max) {
    verdict.outcome = SendOutcome::permanent;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.attempts;
    if (verdict.outcome == SendOutcome::sent) ++stats_.sent;
    if (verdict.outcome == SendOutcome::permanent) ++stats_.failed;
  }
  switch (verdict.outcome) {
    case SendOutcome::sent: {
      // Marked before anything else: once Meta accepted it, it must never go out a second time.
      if (store_error(store_.mark_sent(row.message, verdict.wamid))) return;
      if (verdict.wamid.empty()) return;
      UpdateDelivery recorded;
      recorded.message = row.message;
      recorded.status = DeliveryStatus::sent;
      recorded.provider_id = verdict.wamid;
      report({Command{UserId(), recorded}});
      return;
    }
    case SendOutcome::permanent: {
      if (store_error(store_.mark_failed(row.message, verdict.error))) return;
      report({Command{UserId(), UpdateDelivery{row.message, DeliveryStatus::failed, {}, {}}}});
      return;
    }
    case SendOutcome::retry: {
      const int64_t delay = backoff_ms(config_.backoff, attempts, random_());
      (void)store_.retry_later(row.message, attempts, now_ms + delay, verdict.error);
      return;
    }
  }
}

// The core's record of what became of a message. Waited for, so statuses that name the wamid next find it.
void OutboxSender::report(std::vector<Command> commands) {
  (void)submit_and_wait(submit_, std::move(commands), [this] { return worker_.stopping(); });
}

}  // namespace inbox::relay::whatsapp
