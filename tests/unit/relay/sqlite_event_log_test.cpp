#include "server-stub/store/sqlite_event_log.h"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_codec.h"
#include "server-stub/store/relay_db.h"
#include "sqlite_test_file.h"

using namespace inbox;
using namespace inbox::relay;
using inbox::relay::test::error_of;
using inbox::relay::test::TestDbFile;
using inbox::relay::test::value_of;

namespace {

constexpr int64_t kT0 = 1717000000000;

Event message(uint32_t n) {
  MessageAdded added;
  added.conversation = ConversationId(n % 7);
  added.message = MessageId(n);
  added.kind = n % 2 ? MessageKind::outbound : MessageKind::inbound;
  added.text = "mensagem " + std::to_string(n) + " — olá \"cliente\"";
  if (n % 3 == 0) added.media = Media{"https://x/" + std::to_string(n) + ".jpg", "image/jpeg"};
  return Event{UserId(n % 4), kT0 + n, added};
}

std::vector<Event> messages(uint32_t first, uint32_t count) {
  std::vector<Event> events;
  for (uint32_t n = first; n < first + count; ++n) events.push_back(message(n));
  return events;
}

Event user_created() { return Event{UserId(), kT0, UserCreated{UserId(5), "Ana", "ana@example.com", Role::agent}}; }

CommandOutcome accepted(uint32_t user, std::string client_id, uint64_t seq) {
  CommandOutcome outcome;
  outcome.user = UserId(user);
  outcome.client_id = std::move(client_id);
  outcome.accepted = true;
  outcome.seq = seq;
  return outcome;
}

CommandOutcome rejected(uint32_t user, std::string client_id, ErrorCode code, std::string message_text) {
  CommandOutcome outcome;
  outcome.user = UserId(user);
  outcome.client_id = std::move(client_id);
  outcome.error_code = code;
  outcome.error_message = std::move(message_text);
  return outcome;
}

std::unique_ptr<SqliteEventLog> open_log(const TestDbFile& file) { return value_of(SqliteEventLog::open(file.path())); }

}  // namespace

TEST_CASE("sqlite event log: a new file is an empty log") {
  TestDbFile file;
  auto log = open_log(file);
  CHECK(log->head() == 0);
  CHECK(value_of(log->read(0, 100)).empty());
  CHECK_FALSE(value_of(log->latest_snapshot()).has_value());
  CHECK_FALSE(value_of(log->find_outcome(UserId(1), "c1")).has_value());
  CHECK(file.raw_int("PRAGMA user_version") == 2);
}

TEST_CASE("sqlite event log: the file is in WAL mode") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{{user_created()}, {}}));
  CHECK(std::filesystem::exists(file.path() + "-wal"));
}

TEST_CASE("sqlite event log: appended events read back equal, numbered across appends") {
  TestDbFile file;
  auto log = open_log(file);
  const std::vector<Event> first = {user_created(), message(1), message(2)};
  value_of(log->append(LogBatch{first, {accepted(1, "c1", 3)}}));
  CHECK(log->head() == 3);
  const std::vector<Event> second = messages(3, 4);
  value_of(log->append(LogBatch{second, {}}));
  CHECK(log->head() == 7);

  std::vector<Event> all = first;
  all.insert(all.end(), second.begin(), second.end());
  CHECK(value_of(log->read(0, 100)) == all);
  CHECK(value_of(log->read(3, 100)) == second);
  const std::vector<Event> middle = value_of(log->read(2, 3));
  REQUIRE(middle.size() == 3);
  CHECK(middle[0] == all[2]);
  CHECK(middle[2] == all[4]);
  CHECK(value_of(log->read(6, 100)) == std::vector<Event>{all[6]});
}

TEST_CASE("sqlite event log: reading at or past the head, or with max 0, gives nothing") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{messages(1, 3), {}}));
  CHECK(value_of(log->read(3, 10)).empty());
  CHECK(value_of(log->read(4, 10)).empty());
  CHECK(value_of(log->read(UINT64_MAX, 10)).empty());
  CHECK(value_of(log->read(0, 0)).empty());
  CHECK(value_of(log->read(0, 1)).size() == 1);
}

TEST_CASE("sqlite event log: a batch of outcomes only stores them and leaves the head") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{{}, {rejected(2, "x", ErrorCode::forbidden, "no")}}));
  CHECK(log->head() == 0);
  CHECK(value_of(log->find_outcome(UserId(2), "x")).has_value());
  value_of(log->append(LogBatch{}));
  CHECK(log->head() == 0);
}

TEST_CASE("sqlite event log: outcomes are remembered per user, accepted and rejected") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{messages(1, 2),
                                {accepted(1, "same-id", 2),
                                 rejected(2, "same-id", ErrorCode::outside_whatsapp_window, "window closed 2 h ago")}}));

  const auto first = value_of(log->find_outcome(UserId(1), "same-id"));
  REQUIRE(first.has_value());
  CHECK(first->user == UserId(1));
  CHECK(first->client_id == "same-id");
  CHECK(first->accepted);
  CHECK(first->seq == 2);

  const auto second = value_of(log->find_outcome(UserId(2), "same-id"));
  REQUIRE(second.has_value());
  CHECK(second->user == UserId(2));
  CHECK_FALSE(second->accepted);
  CHECK(second->error_code == ErrorCode::outside_whatsapp_window);
  CHECK(second->error_message == "window closed 2 h ago");

  CHECK_FALSE(value_of(log->find_outcome(UserId(3), "same-id")).has_value());
  CHECK_FALSE(value_of(log->find_outcome(UserId(1), "other-id")).has_value());
}

TEST_CASE("sqlite event log: a batch with a command answered before fails whole: nothing stored, head kept") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{messages(1, 2), {accepted(1, "c1", 2)}}));

  const std::string error =
      error_of(log->append(LogBatch{messages(3, 5), {accepted(2, "c1", 5), accepted(1, "c1", 7)}}));
  CHECK(error.find("c1") != std::string::npos);
  CHECK(log->head() == 2);
  CHECK(value_of(log->read(0, 100)) == messages(1, 2));
  CHECK_FALSE(value_of(log->find_outcome(UserId(2), "c1")).has_value());  // the batch's first outcome went too
  CHECK(value_of(log->find_outcome(UserId(1), "c1"))->seq == 2);
  CHECK(file.raw_int("SELECT COUNT(*) FROM events") == 2);

  // A duplicate inside one batch fails the same way.
  error_of(log->append(LogBatch{messages(3, 1), {accepted(3, "d", 3), accepted(3, "d", 3)}}));
  CHECK(log->head() == 2);

  // The failed transactions were rolled back: the next batch goes in right after the head.
  value_of(log->append(LogBatch{messages(9, 1), {accepted(2, "c1", 3)}}));
  CHECK(log->head() == 3);
  CHECK(value_of(log->read(2, 10)) == messages(9, 1));
}

TEST_CASE("sqlite event log: head, events, outcomes and snapshot survive a reopen") {
  TestDbFile file;
  {
    auto log = open_log(file);
    value_of(log->append(LogBatch{messages(1, 10), {accepted(4, "a", 10)}}));
    value_of(log->write_snapshot(LogSnapshot{8, std::string("\x00\x01state\xff", 8)}));
    value_of(log->append(LogBatch{messages(11, 2), {rejected(4, "b", ErrorCode::limit_reached, "too many")}}));
  }
  auto log = open_log(file);
  CHECK(log->head() == 12);
  CHECK(value_of(log->read(0, 100)) == messages(1, 12));
  CHECK(value_of(log->find_outcome(UserId(4), "a"))->seq == 10);
  CHECK(value_of(log->find_outcome(UserId(4), "b"))->error_code == ErrorCode::limit_reached);
  const auto snapshot = value_of(log->latest_snapshot());
  REQUIRE(snapshot.has_value());
  CHECK(snapshot->seq == 8);
  CHECK(snapshot->state == std::string("\x00\x01state\xff", 8));
  value_of(log->append(LogBatch{messages(13, 1), {}}));
  CHECK(log->head() == 13);
}

TEST_CASE("sqlite event log: snapshots keep the newest two; one past the head is refused") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{messages(1, 5), {}}));
  for (uint64_t seq = 1; seq <= 4; ++seq) value_of(log->write_snapshot(LogSnapshot{seq, "s" + std::to_string(seq)}));
  const auto newest = value_of(log->latest_snapshot());
  REQUIRE(newest.has_value());
  CHECK(newest->seq == 4);
  CHECK(newest->state == "s4");
  CHECK(file.raw_int("SELECT COUNT(*) FROM snapshots") == 2);
  CHECK(file.raw_int("SELECT MIN(seq) FROM snapshots") == 3);

  CHECK(error_of(log->write_snapshot(LogSnapshot{6, "future"})).find("head") != std::string::npos);
  CHECK(value_of(log->latest_snapshot())->seq == 4);
}

TEST_CASE("sqlite event log: a damaged event row is a StoreError naming its seq") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{messages(1, 4), {}}));
  file.raw_exec("UPDATE events SET json = '{not json' WHERE seq = 2");
  CHECK(error_of(log->read(0, 10)).find("event 2") != std::string::npos);
  CHECK(value_of(log->read(2, 10)) == messages(3, 2));  // the rows after it still read

  file.raw_exec("DELETE FROM events WHERE seq = 3");
  CHECK(error_of(log->read(2, 10)).find("event 3") != std::string::npos);
}

TEST_CASE("sqlite event log: a damaged outcome row is a StoreError") {
  TestDbFile file;
  auto log = open_log(file);
  value_of(log->append(LogBatch{{}, {rejected(1, "c", ErrorCode::forbidden, "no")}}));
  file.raw_exec("UPDATE outcomes SET error_code = 'no_such_code'");
  CHECK(error_of(log->find_outcome(UserId(1), "c")).find("no_such_code") != std::string::npos);
}

TEST_CASE("sqlite event log: a file that is not a database is a StoreError at open") {
  TestDbFile file;
  {
    std::ofstream out(file.path(), std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "this is a text file, not a database\n";
  }
  const std::string error = error_of(SqliteEventLog::open(file.path()));
  CHECK(error.find(file.path()) != std::string::npos);
  CHECK(error.find("not a database") != std::string::npos);
}

TEST_CASE("sqlite event log: a file from a newer relay's schema is refused at open") {
  TestDbFile file;
  { open_log(file); }
  file.raw_exec("PRAGMA user_version = 99");
  CHECK(error_of(SqliteEventLog::open(file.path())).find("99") != std::string::npos);
}

TEST_CASE("sqlite event log: a directory that does not exist is a StoreError at open") {
  TestDbFile file;
  error_of(SqliteEventLog::open(file.path() + ".missing-dir/relay.db"));
}

TEST_CASE("relay db backup: a copy taken while the log is open holds every committed event; nothing overwritten") {
  TestDbFile file;
  TestDbFile copy;
  auto log = open_log(file);
  value_of(log->append(LogBatch{messages(0, 50), {}}));
  value_of(backup_relay_db(file.path(), copy.path()));
  value_of(log->append(LogBatch{messages(50, 5), {}}));  // the original goes on

  auto copied = open_log(copy);
  CHECK(copied->head() == 50);
  const auto events = value_of(copied->read(0, 100));
  REQUIRE(events.size() == 50);
  CHECK(event_to_json(events[49]) == event_to_json(message(49)));

  CHECK(error_of(backup_relay_db(file.path(), copy.path())).find("exists already") != std::string::npos);
  TestDbFile missing;
  TestDbFile elsewhere;
  CHECK(error_of(backup_relay_db(missing.path(), elsewhere.path())).find("no such database") !=
        std::string::npos);
}
