// The workspace's one authority: the core's state, decided command by command and committed to the event log
// before anyone hears of it. Single-threaded and clock-free (time is passed in); the hub (hub.h) owns the
// thread, the queue and the sockets.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/seed_data.h"
#include "core/state.h"
#include "server-stub/store/event_log.h"
#include "sync/protocol.h"

namespace inbox::relay {

// A client's command as the relay received it: already parsed (or refused by the parser) for `user`.
struct ClientCommand {
  UserId user;
  std::string client_id;
  Result<Command> command;
};

struct BatchResult {
  std::vector<sync::SequencedEvent> events;  // committed, in sequence: what every session hears of
  std::vector<CommandOutcome> outcomes;      // one per ClientCommand, in order: each one's ack or reject
  std::optional<StoreError> store_error;     // the log refused the batch: nothing above happened
};

class Authority {
 public:
  // Starts from the log's newest snapshot and the events after it. An empty log starts from `seed` (run
  // as the workspace's setup, committed as the first events), or an empty workspace without one.
  static StoreResult<Authority> open(std::unique_ptr<EventLog> log, const std::vector<TimedCommand>& seed);

  const State& state() const { return state_; }
  uint64_t head() const { return log_->head(); }

  // One group commit. First the timers due by now_ms fire (after downtime: each missed one once, in order),
  // then the system's commands (connections seen by the relay; refusals ignored), then each client
  // command: a command answered before gets the same answer again and applies nothing. Everything goes to
  // the log in one transaction; on a store error the state is rebuilt from the log and every command
  // of the batch is refused with storage_write_failed.
  BatchResult run(const std::vector<ClientCommand>& commands, const std::vector<Command>& system_commands,
                  int64_t now_ms);

  // The committed events after `seq`, at most `max`.
  StoreResult<std::vector<sync::SequencedEvent>> events_after(uint64_t seq, size_t max) const;

  // Stores a snapshot of the state if `every_events` events were committed since the last one.
  StoreResult<bool> snapshot_if_due(uint64_t every_events);

  int64_t next_deadline() const;

 private:
  Authority(std::unique_ptr<EventLog> log, State state, uint64_t snapshot_seq);
  StoreResult<Stored> reload();
  std::optional<CommandOutcome> answered_before(const ClientCommand& command,
                                                const std::vector<CommandOutcome>& this_batch) const;

  std::unique_ptr<EventLog> log_;
  State state_;
  uint64_t snapshot_seq_ = 0;
};

}  // namespace inbox::relay
