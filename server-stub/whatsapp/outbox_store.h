// The durable WhatsApp outbox: one row per outbound message (keyed by the core's message id, so a message is
// queued once however often the log is scanned), with its attempts and next try, and the cursor: the log's
// seq up to which every outbound message is queued. Queue and cursor move in one transaction.
// Use from one thread (the sender's).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server-stub/store/sqlite_db.h"
#include "server-stub/whatsapp/outbound_payload.h"

namespace inbox::relay::whatsapp {

struct OutboxRow {
  MessageId message;
  std::string phone_number_id;
  std::string payload;
  uint32_t attempts = 0;
};

enum class OutboxState { pending, sent, failed };

class OutboxStore {
 public:
  static StoreResult<std::unique_ptr<OutboxStore>> open(const std::string& db_path);

  // nullopt: no cursor yet (the outbox never ran on this file).
  StoreResult<std::optional<uint64_t>> cursor();
  // Queues the messages (those already queued stay as they are) and moves the cursor to `seq`.
  StoreResult<Stored> enqueue(const std::vector<OutboundMessage>& messages, uint64_t seq, int64_t now_ms);
  // Pending rows due by now_ms, oldest first, at most `max`.
  StoreResult<std::vector<OutboxRow>> due(int64_t now_ms, size_t max);
  // When the next pending row is due; nullopt when none is pending.
  StoreResult<std::optional<int64_t>> next_due();
  StoreResult<Stored> mark_sent(MessageId message, const std::string& wamid);
  StoreResult<Stored> mark_failed(MessageId message, const std::string& error);
  StoreResult<Stored> retry_later(MessageId message, uint32_t attempts, int64_t next_attempt_ms, const std::string& error);
  // For tests and metrics.
  StoreResult<std::optional<OutboxState>> state_of(MessageId message);

 private:
  struct Statements {
    Statement cursor;
    Statement set_cursor;
    Statement insert;
    Statement due;
    Statement next_due;
    Statement sent;
    Statement failed;
    Statement retry;
    Statement state_of;
  };
  OutboxStore(SqliteDb db, Statements statements) : db_(std::move(db)), statements_(std::move(statements)) {}

  SqliteDb db_;
  Statements statements_;
};

}  // namespace inbox::relay::whatsapp
