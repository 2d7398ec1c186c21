// Active-message campaigns (Blip Desk's article): replies routed to the campaign's team and agent for 24 h
// after the send, individual versus bulk, and campaigns scheduled for later ("enviar ahora o programar"),
// which go out at their time, can be cancelled before, and never go where their sender did not choose.
#include "core/campaigns.h"

#include <doctest/doctest.h>

#include <string>

#include "core/binary_codec.h"
#include "core/json_codec.h"
#include "desk_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

ConversationId campaign_reply(Desk& desk, const std::string& phone) {
  return desk.customer_writes(phone, "Sim, tenho interesse!");
}

ContactId contact(Desk& desk, const std::string& name, const std::string& phone) {
  const ContactId id(static_cast<uint32_t>(desk.state.contacts.size()));
  desk.run(desk.ana, CreateContact{name, phone, ""});
  return id;
}

const Template kOffer{"oferta_outono", "pt_BR", {"20%"}};

}  // namespace

TEST_CASE("a reply to an individual campaign goes to the named agent, over every other rule") {
  Desk desk;
  TeamRouting r;
  r.strategy = AssignmentStrategy::default_user;
  r.default_user = desk.ana;
  desk.routing(r);
  desk.available(desk.ana);
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  desk.run(desk.bruno, SendCampaign{desk.whatsapp, {lucia}, kOffer, desk.sales, desk.bruno});
  const ConversationId id = campaign_reply(desk, "+34612345678");
  CHECK(desk.assignee(id) == desk.bruno);  // though bruno is not even available
  const Explanation& why = desk.last_explanation();
  CHECK(why.strategy == AssignmentRule::direct_routing);
  CHECK(why.chosen == desk.bruno);
}

TEST_CASE("direct routing lasts exactly 24 hours after the campaign was sent") {
  Desk desk;
  desk.available(desk.ana);
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  desk.run(desk.supervisor, SendCampaign{desk.whatsapp, {lucia}, kOffer, desk.sales, desk.bruno});
  SUBCASE("at 23:59:59.999 it still routes") {
    desk.advance(24 * kHour - 1);
    CHECK(desk.assignee(campaign_reply(desk, "+34612345678")) == desk.bruno);
  }
  SUBCASE("at 24:00:00.000 the team's rules apply") {
    desk.advance(24 * kHour);
    CHECK_FALSE(desk.state.contacts[lucia.index()].route.has_value());
    CHECK(desk.assignee(campaign_reply(desk, "+34612345678")) == desk.ana);
    CHECK(desk.last_explanation().strategy == AssignmentRule::least_busy);
  }
}

TEST_CASE("a newer campaign to the same contact replaces the routing rule") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  desk.run(desk.supervisor, SendCampaign{desk.whatsapp, {lucia}, kOffer, desk.sales, desk.bruno});
  desk.advance(kHour);
  desk.run(desk.supervisor, SendCampaign{desk.whatsapp, {lucia}, kOffer, desk.sales, desk.carla});
  desk.advance(23 * kHour + 30 * kMinute);  // the first rule would be over; the second is not
  CHECK(desk.assignee(campaign_reply(desk, "+34612345678")) == desk.carla);
}

TEST_CASE("a campaign naming an agent outside the team is refused, and a bulk campaign never names one") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  const ContactId marie = contact(desk, "Marie", "+33612345678");
  const Error outside = desk.refused(desk.supervisor, SendCampaign{desk.whatsapp, {lucia}, kOffer, desk.support, desk.ana});
  CHECK(outside.code == ErrorCode::not_a_team_member);
  CHECK(outside.message.find("cannot be sent") != std::string::npos);
  CHECK(desk.refused(desk.supervisor, SendCampaign{desk.whatsapp, {lucia, marie}, kOffer, desk.sales, desk.ana}).code ==
        ErrorCode::invalid_field);
  // Bulk to a team: the replies follow the team's rules.
  desk.available(desk.carla);
  desk.run(desk.supervisor, SendCampaign{desk.whatsapp, {lucia, marie}, kOffer, desk.sales, UserId()});
  CHECK(desk.assignee(campaign_reply(desk, "+33612345678")) == desk.carla);
  CHECK(desk.last_explanation().strategy == AssignmentRule::least_busy);
}


namespace {

SendCampaign individual(ChannelId channel, ContactId contact, TeamId team, UserId agent, int64_t send_at) {
  SendCampaign cmd{channel, {contact}, kOffer, team, agent};
  cmd.send_at = send_at;
  return cmd;
}

const Campaign& campaign(const Desk& desk, CampaignId id) { return desk.state.campaigns.at(id.index()); }

}  // namespace

TEST_CASE("a campaign sent now is recorded as sent, by its sender, at the time") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  desk.run(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, 0));
  REQUIRE(desk.state.campaigns.size() == 1);
  const Campaign& sent = campaign(desk, CampaignId(0));
  CHECK(sent.status == CampaignStatus::sent);
  CHECK(sent.by == desk.bruno);
  CHECK(sent.send_at == desk.now_ms);
  CHECK(sent.contacts == std::vector<ContactId>{lucia});
}

TEST_CASE("a scheduled campaign goes out at its send time, and its routing lasts 24 h from then") {
  Desk desk;
  desk.available(desk.ana);
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  const int64_t send_at = desk.now_ms + 2 * kHour;
  const std::vector<Event> events = desk.run(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, send_at));
  REQUIRE(events.size() == 1);
  CHECK(std::holds_alternative<CampaignScheduled>(events[0].body));
  CHECK(campaign(desk, CampaignId(0)).status == CampaignStatus::scheduled);
  CHECK(timers_deadline(desk.state.timers, TimerKind::campaign, 0) == send_at);
  CHECK_FALSE(desk.state.contacts[lucia.index()].route.has_value());  // nothing sent yet

  SUBCASE("before the send time a reply follows the team's rules") {
    desk.advance(2 * kHour - 1);
    CHECK(desk.assignee(campaign_reply(desk, "+34612345678")) == desk.ana);
  }
  SUBCASE("at the send time it is sent by the system, and routes for 24 h from then") {
    const std::vector<Event> fired = desk.advance(2 * kHour);
    REQUIRE(fired.size() == 1);
    CHECK_FALSE(fired[0].actor.valid());
    const auto* sent = std::get_if<CampaignSent>(&fired[0].body);
    REQUIRE(sent != nullptr);
    CHECK(sent->campaign == CampaignId(0));
    CHECK(campaign(desk, CampaignId(0)).status == CampaignStatus::sent);
    CHECK(timers_deadline(desk.state.timers, TimerKind::campaign, 0) == kNever);
    REQUIRE(desk.state.contacts[lucia.index()].route.has_value());
    CHECK(desk.state.contacts[lucia.index()].route->sent_at == send_at);
    desk.advance(24 * kHour - 1);
    CHECK(desk.assignee(campaign_reply(desk, "+34612345678")) == desk.bruno);
  }
  SUBCASE("a relay down through the send time sends it once when it comes back") {
    const std::vector<Event> fired = desk.advance(3 * kDirectRouteMs);
    CHECK(std::count_if(fired.begin(), fired.end(),
                        [](const Event& e) { return std::holds_alternative<CampaignSent>(e.body); }) == 1);
    CHECK(campaign(desk, CampaignId(0)).send_at == send_at);  // stamped with its time, not the late tick
  }
}

TEST_CASE("a send time must be in the future and at most 90 days ahead") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  CHECK(desk.refused(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, desk.now_ms)).code ==
        ErrorCode::invalid_field);
  CHECK(desk.refused(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, desk.now_ms - kHour)).code ==
        ErrorCode::invalid_field);
  const int64_t limit = desk.now_ms + kCampaignScheduleAheadMaxMs;
  CHECK(desk.refused(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, limit + 1)).code ==
        ErrorCode::invalid_field);
  desk.run(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, limit));
  CHECK(campaign(desk, CampaignId(0)).status == CampaignStatus::scheduled);
}

TEST_CASE("a scheduled campaign is cancelled by its sender or a manager, and then never goes out") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  const int64_t send_at = desk.now_ms + kHour;
  desk.run(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, send_at));
  const Error other = desk.refused(desk.carla, CancelCampaign{CampaignId(0)});
  CHECK(other.code == ErrorCode::forbidden);
  CHECK(other.message == "Not allowed for an agent: cancel someone else's campaign.");
  CHECK(desk.refused(desk.bruno, CancelCampaign{CampaignId(7)}).code == ErrorCode::unknown_campaign);

  SUBCASE("by its sender") { desk.run(desk.bruno, CancelCampaign{CampaignId(0)}); }
  SUBCASE("by a supervisor") { desk.run(desk.supervisor, CancelCampaign{CampaignId(0)}); }
  CHECK(campaign(desk, CampaignId(0)).status == CampaignStatus::cancelled);
  CHECK(campaign(desk, CampaignId(0)).cancelled == CampaignCancel::by_user);
  CHECK(desk.refused(desk.bruno, CancelCampaign{CampaignId(0)}).code == ErrorCode::no_change);
  desk.advance(2 * kHour);
  CHECK(campaign(desk, CampaignId(0)).status == CampaignStatus::cancelled);
  CHECK_FALSE(desk.state.contacts[lucia.index()].route.has_value());
}

TEST_CASE("a campaign that has gone out can no longer be cancelled") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  desk.run(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, desk.now_ms + kMinute));
  desk.advance(kMinute);
  const Error late = desk.refused(desk.bruno, CancelCampaign{CampaignId(0)});
  CHECK(late.code == ErrorCode::no_change);
  CHECK(late.message == "Campaign #0 has already gone out.");
}

TEST_CASE("at its send time a campaign whose team or agent no longer holds is cancelled, not rerouted") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  desk.run(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, desk.now_ms + kHour));
  CampaignCancel expected = CampaignCancel::none;
  SUBCASE("the agent left the team") {
    desk.run(desk.supervisor, SetTeamMembers{desk.sales, {desk.ana, desk.carla}});
    expected = CampaignCancel::agent_left_team;
  }
  SUBCASE("the team was deleted") {
    desk.run(desk.admin, DeleteTeam{desk.sales});
    expected = CampaignCancel::team_deleted;
  }
  const std::vector<Event> fired = desk.advance(kHour);
  REQUIRE(fired.size() == 1);
  const auto* cancelled = std::get_if<CampaignCancelled>(&fired[0].body);
  REQUIRE(cancelled != nullptr);
  CHECK(cancelled->reason == expected);
  CHECK(campaign(desk, CampaignId(0)).cancelled == expected);
  CHECK_FALSE(desk.state.contacts[lucia.index()].route.has_value());
}

TEST_CASE("an agent sends individual campaigns; a bulk campaign is a manager's") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  const ContactId marie = contact(desk, "Marie", "+33612345678");
  const Error bulk = desk.refused(desk.bruno, SendCampaign{desk.whatsapp, {lucia, marie}, kOffer, desk.sales, UserId()});
  CHECK(bulk.code == ErrorCode::forbidden);
  CHECK(bulk.message == "Not allowed for an agent: send a bulk campaign.");
  desk.run(desk.supervisor, SendCampaign{desk.whatsapp, {lucia, marie}, kOffer, desk.sales, UserId()});
}

TEST_CASE("at most 1,000 campaigns wait for their send time at once") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  for (size_t i = 0; i < kCampaignsScheduledMax; ++i) {
    desk.run(desk.supervisor, individual(desk.whatsapp, lucia, desk.sales, UserId(), desk.now_ms + kHour));
  }
  const SendCampaign one_more = individual(desk.whatsapp, lucia, desk.sales, UserId(), desk.now_ms + kHour);
  CHECK(desk.refused(desk.supervisor, one_more).code == ErrorCode::limit_reached);
  desk.run(desk.supervisor, individual(desk.whatsapp, lucia, desk.sales, UserId(), 0));  // sending now still works
  desk.run(desk.supervisor, CancelCampaign{CampaignId(0)});
  desk.run(desk.supervisor, one_more);  // a cancelled one frees its place
}

TEST_CASE("a scheduled campaign survives a snapshot, its timer rebuilt, and JSON without send_at sends now") {
  Desk desk;
  const ContactId lucia = contact(desk, "Lucía", "+34612345678");
  const int64_t send_at = desk.now_ms + kHour;
  desk.run(desk.bruno, individual(desk.whatsapp, lucia, desk.sales, desk.bruno, send_at));
  Result<State> loaded = state_from_binary(state_to_binary(desk.state));
  REQUIRE(loaded.ok());
  CHECK(loaded.value().campaigns.size() == 1);
  CHECK(timers_deadline(loaded.value().timers, TimerKind::campaign, 0) == send_at);

  Result<Command> now = parse_command(
      R"({"actor":5,"type":"send_campaign","channel":0,"contacts":[0],"template":{"name":"oferta","language":"pt_BR","params":[]},"team":0,"agent":null})");
  REQUIRE(now.ok());
  CHECK(std::get<SendCampaign>(now.value().body).send_at == 0);
}
