// Webhook bodies exactly as Meta posted them, stored before the 200 goes back (Meta retries what it was not
// acknowledged, for days) and marked processed only once their commands are committed: a crash in between
// processes a body again, and the core's dedupe by wamid makes that harmless. Thread-safe (its own lock and
// connection): the HTTP threads store, the processor reads and marks.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "server-stub/store/sqlite_db.h"

namespace inbox::relay::whatsapp {

struct InboxRow {
  int64_t id = 0;
  std::string body;
};

class WebhookInbox {
 public:
  // Processed bodies are kept for inspection, the newest `processed_kept` of them; older ones are deleted.
  static StoreResult<std::unique_ptr<WebhookInbox>> open(const std::string& db_path, int64_t processed_kept = 10'000);

  // Durable when it returns Stored (synchronous=FULL).
  StoreResult<Stored> store(std::string_view body, int64_t received_ms);
  // The oldest unprocessed rows, at most `max`.
  StoreResult<std::vector<InboxRow>> unprocessed(size_t max);
  StoreResult<Stored> mark_processed(const std::vector<int64_t>& ids);
  StoreResult<int64_t> count();

 private:
  struct Statements {
    Statement insert;
    Statement unprocessed;
    Statement mark;
    Statement count;
    Statement prune;
  };
  WebhookInbox(SqliteDb db, Statements statements, int64_t processed_kept)
      : db_(std::move(db)), statements_(std::move(statements)), processed_kept_(processed_kept) {}

  std::mutex mutex_;
  SqliteDb db_;
  Statements statements_;
  const int64_t processed_kept_;
};

}  // namespace inbox::relay::whatsapp
