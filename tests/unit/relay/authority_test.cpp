#include "server-stub/sync/authority.h"

#include <doctest/doctest.h>

#include "core/binary_codec.h"
#include "core/routing_model.h"
#include "server-stub/store/sqlite_event_log.h"
#include "tests/unit/relay/desk_seed.h"
#include "tests/unit/relay/sqlite_test_file.h"

using namespace inbox;
using namespace inbox::relay;
using namespace inbox::relay::test;

namespace {

Authority open_authority(const TestDbFile& file, const std::vector<TimedCommand>& seed = desk_seed()) {
  return value_of(Authority::open(value_of(SqliteEventLog::open(file.path())), seed));
}

ClientCommand as(UserId user, std::string client_id, CommandBody body) {
  return ClientCommand{user, std::move(client_id), Command{user, std::move(body)}};
}

}  // namespace

TEST_CASE("authority: an empty log starts from the seed, and a reopened log from what it stored") {
  TestDbFile file;
  std::string state_bytes;
  uint64_t head = 0;
  {
    Authority authority = open_authority(file);
    head = authority.head();
    CHECK(head > 0);
    CHECK(authority.state().users.size() == 3);
    state_bytes = state_to_binary(authority.state());
  }
  Authority reopened = open_authority(file, {});
  CHECK(reopened.head() == head);
  CHECK(state_to_binary(reopened.state()) == state_bytes);
}

TEST_CASE("authority: an accepted command is acked with the seq its events end at, and stored") {
  TestDbFile file;
  Authority authority = open_authority(file);
  const uint64_t before = authority.head();
  BatchResult result = authority.run({as(kAna, "c-1", SetUserStatus{kAna, UserStatus::available})}, {}, kStart + kSecond);
  REQUIRE_FALSE(result.store_error);
  REQUIRE(result.outcomes.size() == 1);
  CHECK(result.outcomes[0].accepted);
  REQUIRE_FALSE(result.events.empty());
  CHECK(result.events.front().seq == before + 1);
  CHECK(result.outcomes[0].seq == result.events.back().seq);
  CHECK(authority.head() == result.events.back().seq);
  CHECK(authority.state().users[kAna.index()].status == UserStatus::available);

  const auto stored = value_of(authority.events_after(before, 100));
  REQUIRE(stored.size() == result.events.size());
  CHECK(stored.front().event == result.events.front().event);
}

TEST_CASE("authority: a resend gets the first answer and applies nothing twice, across a restart") {
  TestDbFile file;
  uint64_t head = 0;
  {
    Authority authority = open_authority(file);
    authority.run({}, {customer_writes("Olá")}, kStart + kSecond);
    const auto first = authority.run({as(kAna, "c-1", SendMessage{ConversationId(0), "Bom dia!"})}, {}, kStart + 2 * kSecond);
    // Ana is not the assignee yet: an agent may still answer an unassigned chat of her team, or be refused;
    // either way the resend must say the same.
    head = authority.head();
    const auto again = authority.run({as(kAna, "c-1", SendMessage{ConversationId(0), "Bom dia!"})}, {}, kStart + 3 * kSecond);
    CHECK(again.events.empty());
    CHECK(authority.head() == head);
    CHECK(again.outcomes[0].accepted == first.outcomes[0].accepted);
    CHECK(again.outcomes[0].seq == first.outcomes[0].seq);
    CHECK(again.outcomes[0].error_code == first.outcomes[0].error_code);
  }
  Authority reopened = open_authority(file, {});
  const auto after_restart = reopened.run({as(kAna, "c-1", SendMessage{ConversationId(0), "Bom dia!"})}, {}, kStart + 4 * kSecond);
  CHECK(reopened.head() == head);
  CHECK(after_restart.events.empty());

  // The same client id from another user is another command.
  const auto marc = reopened.run({as(kMarc, "c-1", SetUserStatus{kMarc, UserStatus::available})}, {}, kStart + 5 * kSecond);
  CHECK(marc.outcomes[0].accepted);
  CHECK(reopened.head() > head);
}

TEST_CASE("authority: a rejection is remembered, and a duplicate inside one batch is answered once") {
  TestDbFile file;
  Authority authority = open_authority(file);
  const auto refused = authority.run({as(kAna, "c-7", SetUserStatus{kMarc, UserStatus::available})}, {}, kStart + kSecond);
  REQUIRE_FALSE(refused.outcomes[0].accepted);
  CHECK(refused.outcomes[0].error_code == ErrorCode::forbidden);
  // Even a different command under the same id gets the first answer: the id names the command.
  const auto resent = authority.run({as(kAna, "c-7", SetUserStatus{kAna, UserStatus::available})}, {}, kStart + 2 * kSecond);
  CHECK_FALSE(resent.outcomes[0].accepted);
  CHECK(resent.outcomes[0].error_message == refused.outcomes[0].error_message);

  const uint64_t head = authority.head();
  const auto twice = authority.run({as(kMarc, "m-1", SetUserStatus{kMarc, UserStatus::available}),
                                    as(kMarc, "m-1", SetUserStatus{kMarc, UserStatus::available})},
                                   {}, kStart + 3 * kSecond);
  REQUIRE(twice.outcomes.size() == 2);
  CHECK(twice.outcomes[0].accepted);
  CHECK(twice.outcomes[1].seq == twice.outcomes[0].seq);
  CHECK(authority.head() == twice.outcomes[0].seq);
  CHECK(authority.head() > head);
}

TEST_CASE("authority: a parse refusal is answered like a decided one") {
  TestDbFile file;
  Authority authority = open_authority(file);
  ClientCommand bad{kAna, "c-x", Error{ErrorCode::unknown_type, "unknown command type \"launch\""}};
  const auto result = authority.run({bad}, {}, kStart + kSecond);
  CHECK_FALSE(result.outcomes[0].accepted);
  CHECK(result.outcomes[0].error_code == ErrorCode::unknown_type);
  CHECK(result.events.empty());
}

TEST_CASE("authority: timers missed while the relay was down fire once when it runs again") {
  TestDbFile file;
  {
    Authority authority = open_authority(file);
    authority.run({as(kAna, "a", SetUserStatus{kAna, UserStatus::available})}, {}, kStart + kSecond);
    const auto offered = authority.run({}, {customer_writes("Oi")}, kStart + 2 * kSecond);
    const Conversation& chat = authority.state().conversations.at(0);
    CHECK(chat.offered_to == kAna);
    CHECK(authority.next_deadline() == chat.offer_expires_at);
  }
  // Down for ten minutes: the offer expired meanwhile.
  Authority reopened = open_authority(file, {});
  const auto late = reopened.run({}, {}, kStart + 600 * kSecond);
  CHECK_FALSE(late.events.empty());
  CHECK(reopened.state().users[kAna.index()].status == UserStatus::rona);
  const uint64_t head = reopened.head();
  CHECK(reopened.run({}, {}, kStart + 601 * kSecond).events.empty());
  CHECK(reopened.head() == head);
}

TEST_CASE("authority: snapshots are taken every N events and a reopen starts from the newest") {
  TestDbFile file;
  std::string state_bytes;
  {
    Authority authority = open_authority(file);
    CHECK(value_of(authority.snapshot_if_due(1)));
    CHECK_FALSE(value_of(authority.snapshot_if_due(1)));
    authority.run({as(kAna, "a", SetUserStatus{kAna, UserStatus::available})}, {}, kStart + kSecond);
    state_bytes = state_to_binary(authority.state());
  }
  Authority reopened = open_authority(file, {});
  CHECK(state_to_binary(reopened.state()) == state_bytes);
}
