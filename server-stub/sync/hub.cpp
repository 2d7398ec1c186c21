#include "server-stub/sync/hub.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

#include "core/binary_codec.h"
#include "core/queue_stats.h"
#include "core/redaction.h"
#include "core/timers.h"
#include "server-stub/log_line.h"

namespace inbox::relay {

namespace {

// Past this many waiting commands a session's new ones are refused with "overloaded" instead of queued.
constexpr size_t kQueuedCommandsMax = 100'000;

std::shared_ptr<const std::string> frame_text(const sync::RelayFrame& frame) {
  return std::make_shared<const std::string>(sync::encode_relay_frame(frame));
}

void refuse(Peer& peer, sync::ProtocolErrorCode code, std::string message) {
  peer.send_text(frame_text(sync::ErrorFrame{code, message, true}));
  peer.close(std::move(message));
}

}  // namespace

Hub::Hub(Authority authority, HubConfig config) : authority_(std::move(authority)), config_(std::move(config)) {
  stats_.head = authority_.head();
  if (config_.metrics) config_.metrics->head_seq = stats_.head;
}

Hub::~Hub() { stop(); }

void Hub::start() {
  // Nobody has a session yet: whoever the state still counts as connected (the relay stopped under them) is
  // reported gone, so the disconnect grace runs and their chats are not stranded if they do not come back.
  for (size_t i = 0; i < authority_.state().users.size(); ++i) {
    if (authority_.state().users[i].disconnected_at == kNever) {
      system_commands_.push_back(Command{UserId(), SetUserConnection{UserId(static_cast<uint32_t>(i)), false}});
    }
  }
  thread_ = std::thread([this] {
    if (!system_commands_.empty()) run_batch({}, now());
    run();
  });
}

void Hub::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Hub::hello(std::shared_ptr<Peer> peer, sync::HelloFrame hello) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    hellos_.push_back({std::move(peer), std::move(hello)});
  }
  wake_.notify_one();
}

void Hub::command(const std::shared_ptr<Peer>& peer, UserId user, sync::CommandFrame command) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (commands_.size() < kQueuedCommandsMax) {
      commands_.push_back({peer, user, std::move(command), std::chrono::steady_clock::now()});
      wake_.notify_one();
      return;
    }
  }
  refuse(*peer, sync::ProtocolErrorCode::overloaded, "The relay has too many commands waiting; reconnect and resend");
}

void Hub::closed(uint64_t peer_id) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_.push_back(peer_id);
  }
  wake_.notify_one();
}

void Hub::system(std::vector<Command> commands, std::function<void(bool committed)> done) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (Command& command : commands) external_commands_.push_back(std::move(command));
    if (done) external_done_.push_back(std::move(done));
  }
  wake_.notify_one();
}

HubStats Hub::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

int64_t Hub::now() {
  last_now_ = std::max(last_now_, config_.clock());
  return last_now_;
}

void Hub::run() {
  while (true) {
    std::vector<HelloJob> hellos;
    std::vector<CommandJob> commands;
    std::vector<uint64_t> closed;
    std::vector<std::function<void(bool)>> external_done;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      const int64_t deadline = authority_.next_deadline();
      auto has_work = [&] {
        return stopping_ || !hellos_.empty() || !commands_.empty() || !closed_.empty() ||
               !external_commands_.empty() || !external_done_.empty();
      };
      if (deadline == kNoDeadline) {
        wake_.wait(lock, has_work);
      } else {
        const int64_t wait_ms = std::max<int64_t>(0, deadline - config_.clock());
        wake_.wait_for(lock, std::chrono::milliseconds(wait_ms), has_work);
      }
      if (!commands_.empty() && config_.batch_interval.count() > 0) {
        const auto due = last_batch_at_ + config_.batch_interval;
        wake_.wait_until(lock, due, [&] { return stopping_ || commands_.size() >= config_.batch_commands_max; });
        if (!commands_.empty()) last_batch_at_ = std::chrono::steady_clock::now();
      }
      if (stopping_) return;
      hellos.swap(hellos_);
      closed.swap(closed_);
      for (Command& command : external_commands_) system_commands_.push_back(std::move(command));
      external_commands_.clear();
      external_done.swap(external_done_);
      if (commands_.size() <= config_.batch_commands_max) {
        commands.swap(commands_);
      } else {
        const auto end = commands_.begin() + static_cast<std::ptrdiff_t>(config_.batch_commands_max);
        commands.assign(std::make_move_iterator(commands_.begin()), std::make_move_iterator(end));
        commands_.erase(commands_.begin(), end);
      }
    }
    const int64_t now_ms = now();
    // The batch first: a hello answered after it starts exactly where its events end. A session that
    // closed right after its hello is signed in and out in the same round.
    const bool committed = run_batch(std::move(commands), now_ms);
    for (auto& done : external_done) done(committed);
    for (const HelloJob& job : hellos) answer_hello(job, now_ms);
    for (uint64_t peer_id : closed) {
      auto it = members_.find(peer_id);
      if (it == members_.end()) continue;
      const UserId user = it->second.user;
      members_.erase(it);
      if (config_.metrics) config_.metrics->sessions_signed_in = members_.size();
      log_event(LogLevel::info, "session_closed", {{"peer", peer_id}, {"user", user.value}});
      if (--connections_[user] == 0) {
        connections_.erase(user);
        system_commands_.push_back(Command{UserId(), SetUserConnection{user, false}});
      }
    }
    if (!system_commands_.empty()) run_batch({}, now_ms);  // the connections just seen
    if (auto error = store_error(authority_.snapshot_if_due(config_.snapshot_every_events))) {
      log_event(LogLevel::error, "snapshot_not_stored", {{"message", error->message}});
    }
  }
}

void Hub::answer_hello(const HelloJob& job, int64_t now_ms) {
  const std::optional<UserId> user = config_.authenticate(job.hello.token, now_ms);
  const User* account = user ? find_user(authority_.state(), *user) : nullptr;
  if (account == nullptr) {
    return refuse(*job.peer, sync::ProtocolErrorCode::unauthorized,
                  "The sign-in is unknown, expired or revoked: sign in again");
  }
  // Signed in before the welcome is queued: a command the client sends the moment it reads the welcome
  // finds the session signed in (both are posted to the session's executor, in this order).
  job.peer->signed_in(*user);
  const uint64_t head = authority_.head();
  const bool may_resume = job.hello.last_seq > 0 && job.hello.last_seq <= head &&
                          head - job.hello.last_seq <= config_.resume_events_max;
  std::optional<ViewerCopy> copy;
  if (may_resume) {
    auto missed = authority_.events_after(job.hello.last_seq, config_.resume_events_max);
    if (auto error = store_error(missed)) {
      return refuse(*job.peer, sync::ProtocolErrorCode::relay_unavailable, "The relay cannot read its log");
    }
    const auto& events = std::get<0>(missed);
    const Delivery delivery = resume_delivery(authority_.state(), *user, events);
    if (!delivery.resync) {
      std::vector<std::shared_ptr<const std::string>> frames{
          frame_text(sync::WelcomeFrame{*user, account->role, head, std::nullopt})};
      if (!events.empty()) frames.push_back(frame_text(sync::EventsFrame{delivered_events(events, delivery.without_content)}));
      job.peer->send_texts(std::move(frames));
      copy = copy_of(authority_.state(), *user);
    }
  }
  const bool resumed = copy.has_value();
  if (!copy) copy = send_snapshot(*job.peer, *user);
  log_event(LogLevel::info, "session_open",
            {{"peer", job.peer->peer_id()}, {"user", user->value}, {"seq", head}, {"resumed", resumed}});
  members_[job.peer->peer_id()] = Member{job.peer, *user, std::move(*copy)};
  if (config_.metrics) config_.metrics->sessions_signed_in = members_.size();
  if (++connections_[*user] == 1) system_commands_.push_back(Command{UserId(), SetUserConnection{*user, true}});
}

ViewerCopy Hub::send_snapshot(Peer& peer, UserId user) {
  const State& state = authority_.state();
  auto snapshot = std::make_shared<const std::string>(
      state_to_binary(copy_is_redacted(state, user) ? redacted_state(state, user) : state));
  peer.send_text(frame_text(sync::WelcomeFrame{user, find_user(state, user)->role, authority_.head(), snapshot->size()}));
  peer.send_binary(std::move(snapshot));
  return copy_of(state, user);
}

bool Hub::run_batch(std::vector<CommandJob> jobs, int64_t now_ms) {
  std::vector<ClientCommand> commands;
  commands.reserve(jobs.size());
  for (const CommandJob& job : jobs) {
    commands.push_back({job.user, job.command.client_id, sync::command_as(job.command, job.user)});
  }
  const size_t conversations_before = authority_.state().conversations.size();
  const auto commit_started = std::chrono::steady_clock::now();
  BatchResult result = authority_.run(commands, system_commands_, now_ms);
  const std::chrono::duration<double> commit = std::chrono::steady_clock::now() - commit_started;
  system_commands_.clear();
  if (result.store_error) log_event(LogLevel::error, "batch_not_stored", {{"message", result.store_error->message}});
  // Events before the acks: a client holds every event up to an ack's seq when the ack arrives.
  BatchFrames outgoing;
  broadcast(result.events, conversations_before, outgoing);
  if (config_.on_committed && !result.events.empty()) config_.on_committed(result.events);
  uint64_t accepted = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    const CommandOutcome& outcome = result.outcomes[i];
    accepted += outcome.accepted ? 1 : 0;
    std::shared_ptr<Peer> peer = jobs[i].peer.lock();
    if (!peer) continue;
    Outgoing& to_peer = outgoing[peer->peer_id()];
    if (!to_peer.peer) to_peer.peer = peer;
    if (outcome.accepted) {
      to_peer.frames.push_back(frame_text(sync::AckFrame{outcome.client_id, outcome.seq}));
    } else {
      to_peer.frames.push_back(
          frame_text(sync::RejectFrame{outcome.client_id, Error{outcome.error_code, outcome.error_message}}));
      log_event(LogLevel::info, "command_rejected",
                {{"user", jobs[i].user.value}, {"client_id", outcome.client_id}, {"code", enum_name(outcome.error_code)}});
    }
  }
  // Counted before any ack leaves: whoever holds an ack finds it in /metrics.
  count_batch(jobs, accepted, result.events.size(), commit.count());
  // One hand-over per session: its frames leave in one write instead of a segment each.
  for (auto& entry : outgoing) entry.second.peer->send_texts(std::move(entry.second.frames));
  if (!result.events.empty()) {
    log_event(LogLevel::info, "batch_committed",
              {{"commands", jobs.size()}, {"accepted", accepted}, {"events", result.events.size()},
               {"seq", authority_.head()}});
  }
  std::lock_guard<std::mutex> lock(mutex_);
  stats_.head = authority_.head();
  stats_.peers = members_.size();
  if (!jobs.empty() || !result.events.empty()) ++stats_.batches;
  stats_.commands_accepted += accepted;
  stats_.commands_rejected += jobs.size() - accepted;
  return !result.store_error;
}

void Hub::count_batch(const std::vector<CommandJob>& jobs, uint64_t accepted, size_t events, double commit_seconds) {
  RelayMetrics* metrics = config_.metrics.get();
  if (metrics == nullptr) return;
  const auto now = std::chrono::steady_clock::now();
  for (const CommandJob& job : jobs) {
    metrics->ack_latency.observe(std::chrono::duration<double>(now - job.arrived).count());
  }
  if (!jobs.empty() || events > 0) {
    metrics->commit.observe(commit_seconds);
    metrics->batches += 1;
  }
  metrics->commands_accepted += accepted;
  metrics->commands_rejected += jobs.size() - accepted;
  metrics->events_committed += events;
  metrics->head_seq = authority_.head();
  // The queues are walked at most four times a second: a scrape every few seconds needs no more.
  if (now - queues_counted_at_ >= std::chrono::milliseconds(250)) {
    queues_counted_at_ = now;
    const QueueStats queues = queue_stats(authority_.state());
    metrics->waiting_conversations = queues.waiting;
    metrics->oldest_waiting_since_ms = queues.oldest_waiting_since;
  }
}

void Hub::broadcast(const std::vector<sync::SequencedEvent>& events, size_t conversations_before, BatchFrames& out) {
  if (events.empty()) return;
  // Sessions that receive the same events share one frame.
  std::map<std::vector<bool>, std::shared_ptr<const std::string>> frames;
  for (auto& [key, member] : members_) {
    std::shared_ptr<Peer> peer = member.peer.lock();
    if (!peer) continue;
    const Delivery delivery = plan_delivery(member.copy, authority_.state(), events, conversations_before);
    if (delivery.resync) {
      member.copy = send_snapshot(*peer, member.user);
      if (config_.metrics) config_.metrics->resyncs += 1;
      log_event(LogLevel::info, "session_resynced", {{"peer", key}, {"user", member.user.value}});
      continue;
    }
    auto& frame = frames[delivery.without_content];
    if (!frame) frame = frame_text(sync::EventsFrame{delivered_events(events, delivery.without_content)});
    out[key] = Outgoing{std::move(peer), {frame}};
    if (config_.metrics) config_.metrics->deliveries += events.size();
  }
}

}  // namespace inbox::relay
