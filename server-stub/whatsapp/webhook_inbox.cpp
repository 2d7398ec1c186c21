#include "server-stub/whatsapp/webhook_inbox.h"

#include "server-stub/store/relay_db.h"

namespace inbox::relay::whatsapp {

StoreResult<std::unique_ptr<WebhookInbox>> WebhookInbox::open(const std::string& db_path, int64_t processed_kept) {
  auto opened = open_relay_db(db_path);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  SqliteDb db = std::move(std::get<SqliteDb>(opened));
  Statements s;
  auto prepared = prepare_all(
      db, {{&s.insert, "INSERT INTO webhook_inbox (received_ms, body) VALUES (?1, ?2)"},
           {&s.unprocessed, "SELECT id, body FROM webhook_inbox WHERE processed = 0 ORDER BY id LIMIT ?1"},
           {&s.mark, "UPDATE webhook_inbox SET processed = 1 WHERE id = ?1"},
           {&s.count, "SELECT COUNT(*) FROM webhook_inbox"},
           {&s.prune,
            "DELETE FROM webhook_inbox WHERE processed = 1 AND id <= "
            "(SELECT MAX(id) FROM webhook_inbox WHERE processed = 1) - ?1"}});
  if (auto* error = std::get_if<StoreError>(&prepared)) return *error;
  return std::unique_ptr<WebhookInbox>(new WebhookInbox(std::move(db), std::move(s), processed_kept));
}

StoreResult<Stored> WebhookInbox::store(std::string_view body, int64_t received_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto use = statements_.insert.use();
  statements_.insert.bind_int(1, received_ms);
  statements_.insert.bind_blob(2, body);
  return statements_.insert.run();
}

StoreResult<std::vector<InboxRow>> WebhookInbox::unprocessed(size_t max) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto use = statements_.unprocessed.use();
  statements_.unprocessed.bind_int(1, static_cast<int64_t>(max));
  std::vector<InboxRow> rows;
  for (;;) {
    auto step = statements_.unprocessed.step();
    if (auto* error = std::get_if<StoreError>(&step)) return *error;
    if (!std::get<bool>(step)) return rows;
    rows.push_back(InboxRow{statements_.unprocessed.column_int(0), statements_.unprocessed.column_blob(1)});
  }
}

StoreResult<Stored> WebhookInbox::mark_processed(const std::vector<int64_t>& ids) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto transaction = Transaction::begin(db_);
  if (auto* error = std::get_if<StoreError>(&transaction)) return *error;
  for (int64_t id : ids) {
    auto use = statements_.mark.use();
    statements_.mark.bind_int(1, id);
    auto marked = statements_.mark.run();
    if (std::holds_alternative<StoreError>(marked)) return marked;
  }
  {
    auto use = statements_.prune.use();
    statements_.prune.bind_int(1, processed_kept_);
    auto pruned = statements_.prune.run();
    if (std::holds_alternative<StoreError>(pruned)) return pruned;
  }
  return std::get<Transaction>(transaction).commit();
}

StoreResult<int64_t> WebhookInbox::count() {
  std::lock_guard<std::mutex> lock(mutex_);
  auto use = statements_.count.use();
  auto step = statements_.count.step();
  if (auto* error = std::get_if<StoreError>(&step)) return *error;
  return statements_.count.column_int(0);
}

}  // namespace inbox::relay::whatsapp
