// Where the relay's authority keeps what happened: the events in sequence, the outcome of every client
// command (so a resend returns the same result and applies nothing twice), and now and then a snapshot of the
// state. One implementation today (SQLite: sqlite_event_log.h); the interface lets another engine take its
// place (PostgreSQL for several relays) without the authority changing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/errors.h"
#include "core/events.h"
#include "core/ids.h"

namespace inbox::relay {

// What the relay answered to one client command. Keyed by (user, client_id): client ids are chosen by the
// client and only unique per user.
struct CommandOutcome {
  UserId user;
  std::string client_id;
  bool accepted = false;
  uint64_t seq = 0;  // accepted: the log's head once the command's events (and what they set off) were in
  ErrorCode error_code = ErrorCode::invalid_field;  // rejected only
  std::string error_message;                         // rejected only
};

// One group commit: events numbered head()+1, head()+2, ... and the outcomes of the commands that produced
// them (rejected ones too: a rejection is remembered like an acceptance).
struct LogBatch {
  std::vector<Event> events;
  std::vector<CommandOutcome> outcomes;
};

struct LogSnapshot {
  uint64_t seq = 0;     // the state after events 1..seq
  std::string state;    // core/binary_codec.h bytes
};

// The storage failed (disk full, file damaged, locked by another process): the relay stops accepting
// commands rather than ack something it has not stored.
struct StoreError {
  std::string message;
};

template <class T>
using StoreResult = std::variant<T, StoreError>;

struct Stored {};  // what a write returns when it worked

// The error of a result, if it is one (a copy: usable on a temporary).
template <class T>
std::optional<StoreError> store_error(const StoreResult<T>& result) {
  if (const StoreError* error = std::get_if<StoreError>(&result)) return *error;
  return std::nullopt;
}

class EventLog {
 public:
  virtual ~EventLog() = default;

  // The sequence number of the last committed event; 0 for an empty log.
  virtual uint64_t head() const = 0;

  // Commits the batch in one transaction; when it returns Stored the batch survives a crash or power loss
  // (fsync'd). On a StoreError nothing of the batch is stored and head() is unchanged.
  virtual StoreResult<Stored> append(const LogBatch& batch) = 0;

  // Up to `max` events after `after_seq` (after_seq + 1, after_seq + 2, ...), oldest first.
  virtual StoreResult<std::vector<Event>> read(uint64_t after_seq, size_t max) const = 0;

  // The remembered outcome of a client command, if the relay has answered it before.
  virtual StoreResult<std::optional<CommandOutcome>> find_outcome(UserId user, std::string_view client_id) const = 0;

  // Keeps a snapshot of the state after event `seq` (<= head()); older snapshots may be dropped.
  virtual StoreResult<Stored> write_snapshot(const LogSnapshot& snapshot) = 0;
  // The newest snapshot, if any.
  virtual StoreResult<std::optional<LogSnapshot>> latest_snapshot() const = 0;
};

}  // namespace inbox::relay
