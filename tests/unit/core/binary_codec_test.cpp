#include "core/binary_codec.h"

#include <doctest/doctest.h>

#include "core/apply.h"
#include "core/decide.h"
#include "core/json_codec.h"
#include "core/seed_data.h"
#include "core/timers.h"

#include <nlohmann/json.hpp>

using namespace inbox;

namespace {

// The demo workspace with its timers run, so reminders, offers and explanations are all in the state.
State demo_state() {
  State state;
  DemoOptions options;
  options.contacts = 80;
  for (const TimedCommand& step : demo_script(11, 1'717'000'000'000, options)) {
    const Decision decision = decide(state, step.command, step.at_ms);
    REQUIRE(decision.ok());
    apply_all(state, decision.value());
    run_due(state, step.at_ms);
  }
  return state;
}

}  // namespace

TEST_CASE("a binary snapshot decodes to the same state, derived indexes rebuilt") {
  const State state = demo_state();
  REQUIRE(state.conversations.size() > 50);
  const std::string bytes = state_to_binary(state);
  const Result<State> decoded = state_from_binary(bytes);
  REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
  CHECK(decoded.value() == state);
  CHECK(decoded.value().views == state.views);
  CHECK(decoded.value().timers == state.timers);
  CHECK(state_to_binary(decoded.value()) == bytes);
  // What makes it worth storing: far smaller than the JSON form of the same state.
  CHECK(bytes.size() * 3 < state_to_json(state).dump().size());
}

TEST_CASE("an empty state round-trips") {
  const Result<State> decoded = state_from_binary(state_to_binary(State()));
  REQUIRE(decoded.ok());
  CHECK(decoded.value() == State());
}

TEST_CASE("a truncated snapshot is refused at every length, never half-decoded") {
  const std::string bytes = state_to_binary(demo_state());
  for (size_t length = 0; length < bytes.size(); length += 1 + length / 7) {
    CAPTURE(length);
    const Result<State> decoded = state_from_binary(std::string_view(bytes).substr(0, length));
    REQUIRE_FALSE(decoded.ok());
  }
}

TEST_CASE("foreign bytes, another format version or trailing bytes are refused with a reason") {
  const std::string bytes = state_to_binary(demo_state());
  CHECK(state_from_binary("{\"users\": []}").error().message == "Not a state snapshot.");
  std::string other_version = bytes;
  other_version[4] = 2;  // the version varint follows the 4-byte magic
  CHECK(state_from_binary(other_version).error().message.find("another state layout") != std::string::npos);
  std::string other_layout = bytes;
  other_layout[5] ^= 0x01;  // the layout fingerprint
  CHECK_FALSE(state_from_binary(other_layout).ok());
  CHECK_FALSE(state_from_binary(bytes + "x").ok());
}

TEST_CASE("a damaged byte anywhere is caught by the checksum before any id is trusted") {
  const std::string bytes = state_to_binary(demo_state());
  uint64_t rng = 12345;
  for (int trial = 0; trial < 300; ++trial) {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    std::string damaged = bytes;
    const size_t at = static_cast<size_t>(rng >> 33) % bytes.size();
    damaged[at] = static_cast<char>(damaged[at] ^ static_cast<char>(1 + (rng >> 20) % 255));
    CAPTURE(at);
    REQUIRE_FALSE(state_from_binary(damaged).ok());
  }
}

TEST_CASE("a snapshot whose ids or indexes point nowhere is refused, even with a valid checksum") {
  // Found by fuzz_state_binary: a message's text range past message_text made rebuilding the views throw
  // std::out_of_range out of state_from_binary; an id past its vector read out of bounds.
  const State state = demo_state();
  REQUIRE(state.messages.size() > 10);
  REQUIRE(!state.teams.empty());
  REQUIRE(!state.teams[0].members.empty());
  auto refused = [](const State& corrupt) {
    const Result<State> decoded = state_from_binary(state_to_binary(corrupt));
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message.find("refers to things it does not hold") != std::string::npos);
  };
  const uint32_t text_size = static_cast<uint32_t>(state.message_text.size());
  SUBCASE("a message's text past the text") {
    State corrupt = state;
    corrupt.messages[3].text_begin = text_size + 135'000;
    refused(corrupt);
    corrupt = state;
    corrupt.messages.back().text_begin = text_size - 1;
    corrupt.messages.back().text_size = 2;
    refused(corrupt);
  }
  SUBCASE("an id past its vector") {
    State corrupt = state;
    corrupt.conversations[0].contact = ContactId(static_cast<uint32_t>(state.contacts.size()));
    refused(corrupt);
    corrupt = state;
    corrupt.teams[0].members[0] = UserId(static_cast<uint32_t>(state.users.size() + 7));
    refused(corrupt);
  }
  SUBCASE("none where an id is required: in a list, a contact's channel identity") {
    State corrupt = state;
    corrupt.teams[0].members[0] = UserId();
    refused(corrupt);
    corrupt = state;
    Contact* known = nullptr;
    for (Contact& contact : corrupt.contacts) {
      if (!contact.identities.empty()) known = &contact;
    }
    REQUIRE(known != nullptr);
    known->identities[0].channel = ChannelId();
    refused(corrupt);
  }
  SUBCASE("a provider id without its message, or on a message without its conversation (found by fuzz_state_binary)") {
    State corrupt = state;
    corrupt.provider_ids.push_back(ProviderRef{MessageId(), "wamid.none"});
    refused(corrupt);
    corrupt = state;
    corrupt.provider_ids.push_back(ProviderRef{MessageId(4), "wamid.orphan"});
    corrupt.messages[4].conversation = ConversationId();
    refused(corrupt);
  }
  SUBCASE("a message chain that loops") {
    State corrupt = state;
    corrupt.messages[5].previous = MessageId(5);
    refused(corrupt);
  }
  SUBCASE("an extra, a referral or a delivery status that is not there") {
    State corrupt = state;
    corrupt.messages[2].extra = static_cast<uint32_t>(state.message_extras.size());
    refused(corrupt);
    corrupt = state;
    corrupt.conversations[0].referral = static_cast<uint32_t>(state.referrals.size());
    refused(corrupt);
    corrupt = state;
    corrupt.message_delivery.pop_back();
    refused(corrupt);
  }
  SUBCASE("an explanation ring whose cursor is past its entries") {
    State corrupt = state;
    corrupt.explanations.next = static_cast<uint32_t>(state.explanations.entries.size() + 1);
    refused(corrupt);
  }
}
