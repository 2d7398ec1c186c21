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
