// The relay's one database file (e.g. /var/lib/inbox/relay.db): the event log's tables and the accounts'. Each
// store opens its own connection to it (WAL lets them read side by side; writes take turns behind the busy
// timeout), and whichever opens first brings the schema up to date for both.
#pragma once
#include <string>

#include "server-stub/store/sqlite_db.h"

namespace inbox::relay {

// Opens the file (creating it if missing) and migrates it to the newest schema.
StoreResult<SqliteDb> open_relay_db(const std::string& path);

// A consistent copy of the database at `copy_path` (VACUUM INTO: a read transaction, so the relay may keep
// writing meanwhile). Refuses to overwrite an existing file.
StoreResult<Stored> backup_relay_db(const std::string& path, const std::string& copy_path);

}  // namespace inbox::relay
