#include "core/offers.h"

#include <doctest/doctest.h>

#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("offers waiting for an agent: listed until accepted or expired, the one expiring first first") {
  Inbox inbox;
  Settings settings;
  settings.automatic_assignment = true;
  inbox.run(UserId(), UpdateSettings{settings});
  TeamRouting routing;
  routing.offer_timeout_ms = 60'000;
  inbox.run(UserId(), SetTeamRouting{inbox.support, routing});
  inbox.run(UserId(), SetChannelTeam{inbox.whatsapp, inbox.support});
  inbox.run(inbox.carla, SetUserStatus{inbox.carla, UserStatus::available});
  CHECK(offers_waiting_for(inbox.state, inbox.carla).empty());

  const ConversationId first = inbox.customer_writes("+5511911110000", "Oi");
  inbox.advance(10'000);
  const ConversationId second = inbox.customer_writes("+5511922220000", "Olá");
  CHECK(offers_waiting_for(inbox.state, inbox.carla) == std::vector<ConversationId>{first, second});
  CHECK(offers_waiting_for(inbox.state, inbox.ana).empty());
  CHECK(offers_waiting_for(inbox.state, UserId()).empty());

  inbox.run(inbox.carla, AcceptConversation{second});
  CHECK(offers_waiting_for(inbox.state, inbox.carla) == std::vector<ConversationId>{first});
  inbox.advance(51'000);  // the first offer expires: RONA, and nobody else in Support
  CHECK(offers_waiting_for(inbox.state, inbox.carla).empty());
  CHECK(inbox.state.users[inbox.carla.index()].status == UserStatus::rona);
}

TEST_CASE("a transfer request is listed with the offers of the agent it is for, until answered") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511911110000", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.available(inbox.bruno);
  inbox.run(inbox.ana, TransferConversation{id, TeamId(), inbox.bruno, {}});
  REQUIRE(offers_waiting_for(inbox.state, inbox.bruno) == std::vector<ConversationId>{id});
  const Conversation& c = inbox.conversation(id);
  CHECK(is_transfer_request(c, inbox.bruno));
  CHECK(offer_started_at(c, inbox.bruno) == inbox.now_ms);
  CHECK(offer_ends_at(c, inbox.bruno) == inbox.now_ms + kOfferTimeoutDefaultMs);
  CHECK(offers_waiting_for(inbox.state, inbox.ana).empty());
  inbox.run(inbox.bruno, DeclineConversation{id});
  CHECK(offers_waiting_for(inbox.state, inbox.bruno).empty());
}
