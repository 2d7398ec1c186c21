#include "server-stub/store/relay_db.h"

#include <filesystem>

#include <vector>

namespace inbox::relay {

namespace {

// Append only: a step, once released, is never edited (files in the field are at its version already).
const std::vector<const char*> kSchemaSteps = {
    // 1: the event log and the accounts.
    R"sql(
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        json TEXT NOT NULL
      );
      CREATE TABLE outcomes (
        user INTEGER NOT NULL,
        client_id TEXT NOT NULL,
        accepted INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        error_code TEXT,
        error_message TEXT,
        PRIMARY KEY (user, client_id)
      ) WITHOUT ROWID;
      CREATE TABLE snapshots (
        seq INTEGER PRIMARY KEY,
        state BLOB NOT NULL
      );
      CREATE TABLE accounts (
        user INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_ms INTEGER NOT NULL
      );
      CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        user INTEGER NOT NULL REFERENCES accounts (user) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE INDEX tokens_by_user ON tokens (user);
      CREATE INDEX tokens_by_expiry ON tokens (expires_ms);
    )sql",
    // 2: WhatsApp: webhook bodies as received (processed once committed) and the messages to send.
    R"sql(
      CREATE TABLE webhook_inbox (
        id INTEGER PRIMARY KEY,
        received_ms INTEGER NOT NULL,
        body BLOB NOT NULL,
        processed INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX webhook_inbox_unprocessed ON webhook_inbox (id) WHERE processed = 0;
      CREATE TABLE whatsapp_outbox (
        message INTEGER PRIMARY KEY,
        phone_number_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_ms INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        wamid TEXT,
        last_error TEXT
      );
      CREATE INDEX whatsapp_outbox_due ON whatsapp_outbox (next_attempt_ms) WHERE state = 'pending';
      CREATE TABLE whatsapp_cursor (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL
      );
    )sql",
};

}  // namespace

StoreResult<SqliteDb> open_relay_db(const std::string& path) {
  auto opened = SqliteDb::open(path);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  auto migrated = migrate(std::get<SqliteDb>(opened), kSchemaSteps);
  if (auto* error = std::get_if<StoreError>(&migrated)) return StoreError{path + ": " + error->message};
  return opened;
}

StoreResult<Stored> backup_relay_db(const std::string& path, const std::string& copy_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return StoreError{path + ": no such database"};
  if (std::filesystem::exists(copy_path, ec)) return StoreError{copy_path + ": exists already, not overwritten"};
  auto opened = open_relay_db(path);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  auto vacuum = std::get<SqliteDb>(opened).prepare("VACUUM INTO ?1");
  if (auto* error = std::get_if<StoreError>(&vacuum)) return *error;
  std::get<Statement>(vacuum).bind_text(1, copy_path);
  auto copied = std::get<Statement>(vacuum).run();
  if (auto* error = std::get_if<StoreError>(&copied)) return StoreError{copy_path + ": " + error->message};
  return Stored{};
}

}  // namespace inbox::relay
