#include "server-stub/whatsapp/outbox_store.h"

#include "server-stub/store/relay_db.h"

namespace inbox::relay::whatsapp {

StoreResult<std::unique_ptr<OutboxStore>> OutboxStore::open(const std::string& db_path) {
  auto opened = open_relay_db(db_path);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  SqliteDb db = std::move(std::get<SqliteDb>(opened));
  Statements s;
  auto prepared = prepare_all(
      db,
      {{&s.cursor, "SELECT seq FROM whatsapp_cursor WHERE id = 1"},
       {&s.set_cursor, "INSERT INTO whatsapp_cursor (id, seq) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET seq = ?1"},
       {&s.insert,
        "INSERT OR IGNORE INTO whatsapp_outbox (message, phone_number_id, payload, next_attempt_ms) "
        "VALUES (?1, ?2, ?3, ?4)"},
       {&s.due,
        "SELECT message, phone_number_id, payload, attempts FROM whatsapp_outbox "
        "WHERE state = 'pending' AND next_attempt_ms <= ?1 ORDER BY next_attempt_ms, message LIMIT ?2"},
       {&s.next_due, "SELECT MIN(next_attempt_ms) FROM whatsapp_outbox WHERE state = 'pending'"},
       {&s.sent, "UPDATE whatsapp_outbox SET state = 'sent', wamid = ?2, attempts = attempts + 1 WHERE message = ?1"},
       {&s.failed,
        "UPDATE whatsapp_outbox SET state = 'failed', last_error = ?2, attempts = attempts + 1 WHERE message = ?1"},
       {&s.retry,
        "UPDATE whatsapp_outbox SET attempts = ?2, next_attempt_ms = ?3, last_error = ?4 WHERE message = ?1"},
       {&s.state_of, "SELECT state FROM whatsapp_outbox WHERE message = ?1"}});
  if (auto* error = std::get_if<StoreError>(&prepared)) return *error;
  return std::unique_ptr<OutboxStore>(new OutboxStore(std::move(db), std::move(s)));
}

StoreResult<std::optional<uint64_t>> OutboxStore::cursor() {
  auto use = statements_.cursor.use();
  auto step = statements_.cursor.step();
  if (auto* error = std::get_if<StoreError>(&step)) return *error;
  if (!std::get<bool>(step)) return std::optional<uint64_t>();
  return std::optional<uint64_t>(static_cast<uint64_t>(statements_.cursor.column_int(0)));
}

StoreResult<Stored> OutboxStore::enqueue(const std::vector<OutboundMessage>& messages, uint64_t seq, int64_t now_ms) {
  auto transaction = Transaction::begin(db_);
  if (auto* error = std::get_if<StoreError>(&transaction)) return *error;
  for (const OutboundMessage& message : messages) {
    auto use = statements_.insert.use();
    statements_.insert.bind_int(1, message.message.index());
    statements_.insert.bind_text(2, message.phone_number_id);
    statements_.insert.bind_text(3, message.payload);
    statements_.insert.bind_int(4, now_ms);
    auto inserted = statements_.insert.run();
    if (std::holds_alternative<StoreError>(inserted)) return inserted;
  }
  {
    auto use = statements_.set_cursor.use();
    statements_.set_cursor.bind_int(1, static_cast<int64_t>(seq));
    auto set = statements_.set_cursor.run();
    if (std::holds_alternative<StoreError>(set)) return set;
  }
  return std::get<Transaction>(transaction).commit();
}

StoreResult<std::vector<OutboxRow>> OutboxStore::due(int64_t now_ms, size_t max) {
  auto use = statements_.due.use();
  statements_.due.bind_int(1, now_ms);
  statements_.due.bind_int(2, static_cast<int64_t>(max));
  std::vector<OutboxRow> rows;
  for (;;) {
    auto step = statements_.due.step();
    if (auto* error = std::get_if<StoreError>(&step)) return *error;
    if (!std::get<bool>(step)) return rows;
    rows.push_back(OutboxRow{MessageId(static_cast<uint32_t>(statements_.due.column_int(0))),
                             statements_.due.column_text(1), statements_.due.column_text(2),
                             static_cast<uint32_t>(statements_.due.column_int(3))});
  }
}

StoreResult<std::optional<int64_t>> OutboxStore::next_due() {
  auto use = statements_.next_due.use();
  auto step = statements_.next_due.step();
  if (auto* error = std::get_if<StoreError>(&step)) return *error;
  if (!std::get<bool>(step) || statements_.next_due.column_is_null(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(statements_.next_due.column_int(0));
}

StoreResult<Stored> OutboxStore::mark_sent(MessageId message, const std::string& wamid) {
  auto use = statements_.sent.use();
  statements_.sent.bind_int(1, message.index());
  statements_.sent.bind_text(2, wamid);
  return statements_.sent.run();
}

StoreResult<Stored> OutboxStore::mark_failed(MessageId message, const std::string& error) {
  auto use = statements_.failed.use();
  statements_.failed.bind_int(1, message.index());
  statements_.failed.bind_text(2, error);
  return statements_.failed.run();
}

StoreResult<Stored> OutboxStore::retry_later(MessageId message, uint32_t attempts, int64_t next_attempt_ms,
                                             const std::string& error) {
  auto use = statements_.retry.use();
  statements_.retry.bind_int(1, message.index());
  statements_.retry.bind_int(2, attempts);
  statements_.retry.bind_int(3, next_attempt_ms);
  statements_.retry.bind_text(4, error);
  return statements_.retry.run();
}

StoreResult<std::optional<OutboxState>> OutboxStore::state_of(MessageId message) {
  auto use = statements_.state_of.use();
  statements_.state_of.bind_int(1, message.index());
  auto step = statements_.state_of.step();
  if (auto* error = std::get_if<StoreError>(&step)) return *error;
  if (!std::get<bool>(step)) return std::optional<OutboxState>();
  const std::string state = statements_.state_of.column_text(0);
  if (state == "sent") return std::optional<OutboxState>(OutboxState::sent);
  if (state == "failed") return std::optional<OutboxState>(OutboxState::failed);
  return std::optional<OutboxState>(OutboxState::pending);
}

}  // namespace inbox::relay::whatsapp
