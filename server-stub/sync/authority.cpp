#include "server-stub/sync/authority.h"

#include <utility>

#include "core/apply.h"
#include "core/binary_codec.h"
#include "core/decide.h"
#include "core/timers.h"

namespace inbox::relay {

namespace {

constexpr size_t kReplayPage = 10'000;

// Applies the events after `from` to `state`, page by page.
StoreResult<Stored> replay_after(const EventLog& log, uint64_t from, State& state) {
  for (uint64_t seq = from; seq < log.head();) {
    StoreResult<std::vector<Event>> page = log.read(seq, kReplayPage);
    if (auto* error = std::get_if<StoreError>(&page)) return *error;
    const auto& events = std::get<0>(page);
    if (events.empty()) return StoreError{"the log ends at " + std::to_string(seq) + ", before its head"};
    apply_all(state, events);
    seq += events.size();
  }
  return Stored{};
}

// Snapshot (when it can be read) + the events after it.
StoreResult<std::pair<State, uint64_t>> load_state(const EventLog& log) {
  State state;
  uint64_t from = 0;
  StoreResult<std::optional<LogSnapshot>> snapshot = log.latest_snapshot();
  if (auto* error = std::get_if<StoreError>(&snapshot)) return *error;
  if (const auto& stored = std::get<0>(snapshot)) {
    Result<State> decoded = state_from_binary(stored->state);
    // A snapshot from another build's layout is only a shortcut: the log alone rebuilds the same state.
    if (decoded.ok()) {
      state = std::move(decoded).value();
      from = stored->seq;
    }
  }
  if (auto error = store_error(replay_after(log, from, state))) return *error;
  return std::make_pair(std::move(state), from);
}

CommandOutcome rejected(const ClientCommand& command, Error error) {
  CommandOutcome outcome;
  outcome.user = command.user;
  outcome.client_id = command.client_id;
  outcome.error_code = error.code;
  outcome.error_message = std::move(error.message);
  return outcome;
}

void append_sequenced(std::vector<sync::SequencedEvent>& out, uint64_t first_seq, const std::vector<Event>& events) {
  for (size_t i = 0; i < events.size(); ++i) out.push_back({first_seq + i, events[i]});
}

}  // namespace

Authority::Authority(std::unique_ptr<EventLog> log, State state, uint64_t snapshot_seq)
    : log_(std::move(log)), state_(std::move(state)), snapshot_seq_(snapshot_seq) {}

StoreResult<Authority> Authority::open(std::unique_ptr<EventLog> log, const std::vector<TimedCommand>& seed) {
  if (log->head() == 0 && !seed.empty()) {
    State state;
    LogBatch batch;
    for (const TimedCommand& line : seed) {
      Decision decision = decide(state, line.command, line.at_ms);
      if (!decision.ok()) return StoreError{"the seed script is refused: " + decision.error().message};
      apply_all(state, decision.value());
      batch.events.insert(batch.events.end(), decision.value().begin(), decision.value().end());
      const std::vector<Event> due = run_due(state, line.at_ms);
      batch.events.insert(batch.events.end(), due.begin(), due.end());
    }
    if (auto error = store_error(log->append(batch))) return *error;
    return Authority(std::move(log), std::move(state), 0);
  }
  StoreResult<std::pair<State, uint64_t>> loaded = load_state(*log);
  if (auto* error = std::get_if<StoreError>(&loaded)) return *error;
  auto& [state, snapshot_seq] = std::get<0>(loaded);
  return Authority(std::move(log), std::move(state), snapshot_seq);
}

std::optional<CommandOutcome> Authority::answered_before(const ClientCommand& command,
                                                         const std::vector<CommandOutcome>& this_batch) const {
  for (const CommandOutcome& outcome : this_batch) {
    if (outcome.user == command.user && outcome.client_id == command.client_id) return outcome;
  }
  StoreResult<std::optional<CommandOutcome>> stored = log_->find_outcome(command.user, command.client_id);
  if (auto* error = std::get_if<StoreError>(&stored)) {
    // Unknown whether it was applied: refusing is safe, the client resends once the store answers again.
    return rejected(command, Error{ErrorCode::storage_unavailable, "The relay cannot read its log: " + error->message});
  }
  return std::get<0>(stored);
}

BatchResult Authority::run(const std::vector<ClientCommand>& commands, const std::vector<Command>& system_commands,
                           int64_t now_ms) {
  const uint64_t first_seq = log_->head() + 1;
  LogBatch batch;
  auto record = [&](const std::vector<Event>& events) {
    batch.events.insert(batch.events.end(), events.begin(), events.end());
  };
  record(run_due(state_, now_ms));
  for (const Command& command : system_commands) {
    Decision decision = decide(state_, command, now_ms);
    if (!decision.ok()) continue;  // e.g. no_change: the connection was already known
    apply_all(state_, decision.value());
    record(decision.value());
    record(run_due(state_, now_ms));
  }

  BatchResult result;
  std::vector<CommandOutcome> fresh;  // the ones to store: a repeated answer is already in the log
  for (const ClientCommand& command : commands) {
    if (std::optional<CommandOutcome> before = answered_before(command, fresh)) {
      result.outcomes.push_back(std::move(*before));
      continue;
    }
    if (!command.command.ok()) {
      fresh.push_back(rejected(command, command.command.error()));
    } else if (Decision decision = decide(state_, command.command.value(), now_ms); !decision.ok()) {
      fresh.push_back(rejected(command, decision.error()));
    } else {
      apply_all(state_, decision.value());
      record(decision.value());
      record(run_due(state_, now_ms));  // what the command made possible: a dispatch, an offer
      CommandOutcome outcome;
      outcome.user = command.user;
      outcome.client_id = command.client_id;
      outcome.accepted = true;
      outcome.seq = first_seq + batch.events.size() - 1;
      fresh.push_back(std::move(outcome));
    }
    result.outcomes.push_back(fresh.back());
  }

  batch.outcomes = std::move(fresh);
  if (batch.events.empty() && batch.outcomes.empty()) return result;
  if (auto error = store_error(log_->append(batch))) {
    result.store_error = *error;
    for (size_t i = 0; i < commands.size(); ++i) {
      result.outcomes[i] = rejected(commands[i], Error{ErrorCode::storage_write_failed,
                                                       "The relay could not store this: " + error->message});
    }
    if (auto reload_error = store_error(reload())) result.store_error = *reload_error;
    return result;
  }
  append_sequenced(result.events, first_seq, batch.events);
  return result;
}

StoreResult<Stored> Authority::reload() {
  StoreResult<std::pair<State, uint64_t>> loaded = load_state(*log_);
  if (auto* error = std::get_if<StoreError>(&loaded)) return *error;
  state_ = std::move(std::get<0>(loaded).first);
  return Stored{};
}

StoreResult<std::vector<sync::SequencedEvent>> Authority::events_after(uint64_t seq, size_t max) const {
  StoreResult<std::vector<Event>> events = log_->read(seq, max);
  if (auto* error = std::get_if<StoreError>(&events)) return *error;
  std::vector<sync::SequencedEvent> out;
  append_sequenced(out, seq + 1, std::get<0>(events));
  return out;
}

StoreResult<bool> Authority::snapshot_if_due(uint64_t every_events) {
  if (log_->head() < snapshot_seq_ + every_events) return false;
  const LogSnapshot snapshot{log_->head(), state_to_binary(state_)};
  if (auto error = store_error(log_->write_snapshot(snapshot))) return *error;
  snapshot_seq_ = snapshot.seq;
  return true;
}

int64_t Authority::next_deadline() const { return inbox::next_deadline(state_); }

}  // namespace inbox::relay
