#include "core/json_codec.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("a command's JSON round-trips exactly") {
  SendMessage message{ConversationId(3), "Olá 👋 \"citação\"", Media{"https://x/y.jpg", "image/jpeg"}, std::nullopt};
  const Command command{UserId(2), message};
  const std::string text = command_to_text(command);
  const Result<Command> parsed = parse_command(text);
  REQUIRE(parsed.ok());
  CHECK(parsed.value() == command);
  CHECK(command_to_text(parsed.value()) == text);
}

TEST_CASE("an event's JSON round-trips exactly, with actor and time") {
  ConversationOpened opened;
  opened.conversation = ConversationId(9);
  opened.contact = ContactId(1);
  opened.channel = ChannelId(0);
  opened.origin = ConversationOrigin::transfer;
  opened.referral = Referral{"ad", "1", "https://fb.me/1", "Oferta", "", "", 5};
  opened.tags = {TagId(1), TagId(4)};
  const Event event{UserId(), kStart, opened};
  const Result<Event> parsed = parse_event(event_to_text(event));
  REQUIRE(parsed.ok());
  CHECK(parsed.value() == event);
  const Json json = event_to_json(event);
  CHECK(json["type"] == "conversation_opened");
  CHECK(json["actor"].is_null());
  CHECK(json["at_ms"] == kStart);
  CHECK(json["origin"] == "transfer");
}

TEST_CASE("commands written by hand: missing fields take their defaults, actor null is the system") {
  const Result<Command> parsed =
      parse_command(R"({"type":"create_user","actor":null,"name":"Ana","role":"operator"})");
  REQUIRE(parsed.ok());
  const auto& create = std::get<CreateUser>(parsed.value().body);
  CHECK(create.role == Role::operator_);
  CHECK(create.email.empty());
  CHECK_FALSE(parsed.value().actor.valid());
}

TEST_CASE("unknown type, unknown field and wrong shapes are clear errors") {
  CHECK(parse_command(R"({"type":"fly_to_moon","actor":1})").error().code == ErrorCode::unknown_type);
  const Error unknown = parse_command(R"({"type":"close_conversation","actor":1,"conversaton":2})").error();
  CHECK(unknown.code == ErrorCode::unknown_field);
  CHECK(unknown.message.find("conversaton") != std::string::npos);
  CHECK(parse_command(R"({"type":"update_settings","actor":1,"settings":{"nme":"x"}})").error().code ==
        ErrorCode::unknown_field);
  CHECK(parse_command(R"({"type":"close_conversation","actor":1,"conversation":"2"})").error().code ==
        ErrorCode::invalid_field);
  CHECK(parse_command(R"({"type":"close_conversation","actor":-1})").error().code == ErrorCode::invalid_field);
  CHECK(parse_command(R"({"type":"create_user","actor":null,"role":"king"})").error().code ==
        ErrorCode::invalid_field);
  CHECK(parse_command(R"({"type":"close_conversation"})").error().code == ErrorCode::invalid_field);
  CHECK(parse_command(R"({"actor":1})").error().code == ErrorCode::invalid_field);
  CHECK(parse_event(R"({"type":"conversation_closed","actor":null,"at_ms":1.5})").error().code ==
        ErrorCode::invalid_field);
}

TEST_CASE("malformed JSON never throws: truncated, not an object, deeply nested, huge") {
  CHECK(parse_command("").error().code == ErrorCode::invalid_json);
  CHECK(parse_command("{\"type\":").error().code == ErrorCode::invalid_json);
  CHECK(parse_command("[1,2,3]").error().code == ErrorCode::invalid_json);
  CHECK(parse_command("\xFF\xFE").error().code == ErrorCode::invalid_json);
  CHECK(parse_command(std::string(100000, '[')).error().code == ErrorCode::invalid_json);
  CHECK(parse_command(std::string(kJsonBytesMax + 1, ' ')).error().code == ErrorCode::invalid_json);
  CHECK(parse_event("null").error().code == ErrorCode::invalid_json);
}

TEST_CASE("an error becomes {error, message} with the code's stable name") {
  const Json json = error_to_json(Error{ErrorCode::outside_whatsapp_window, "only templates"});
  CHECK(json["error"] == "outside_whatsapp_window");
  CHECK(json["message"] == "only templates");
}

TEST_CASE("every event of a real session round-trips, and the state snapshot is plain JSON") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511900000001", "Oi, tudo bem? ç");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.run(inbox.ana, TagConversation{id, {"vip"}, TagMode::add});
  inbox.run(inbox.ana, SendMessage{id, "", {}, Template{"boas_vindas", "pt_BR", {"Ana"}}});
  for (const Event& event : inbox.log) {
    const Result<Event> parsed = event_from_json(event_to_json(event));
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == event);
  }
  const Json snapshot = state_to_json(inbox.state);
  CHECK(snapshot["conversations"][0]["status"] == "open");
  CHECK(snapshot.find("views") == snapshot.end());
}

namespace {

// Every alternative of a variant, default-constructed: a new command or event type is covered the day it
// is added.
template <class Variant, class F, size_t... I>
void for_each_type(F&& visit, std::index_sequence<I...>) {
  (visit(Variant(std::in_place_index<I>)), ...);
}

}  // namespace

TEST_CASE("every command type and every event type round-trips, and has a distinct name") {
  std::vector<std::string> names;
  for_each_type<CommandBody>(
      [&](const CommandBody& body) {
        const Command command{UserId(1), body};
        const Result<Command> parsed = command_from_json(command_to_json(command));
        REQUIRE(parsed.ok());
        CHECK(parsed.value() == command);
        names.push_back(command_to_json(command)["type"].get<std::string>());
      },
      std::make_index_sequence<std::variant_size_v<CommandBody>>());
  for_each_type<EventBody>(
      [&](const EventBody& body) {
        const Event event{UserId(), kStart, body};
        const Result<Event> parsed = event_from_json(event_to_json(event));
        REQUIRE(parsed.ok());
        CHECK(parsed.value() == event);
        names.push_back(event_to_json(event)["type"].get<std::string>());
      },
      std::make_index_sequence<std::variant_size_v<EventBody>>());
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  CHECK(names.size() == std::variant_size_v<CommandBody> + std::variant_size_v<EventBody>);
}

TEST_CASE("the assignment engine's commands and events round-trip with every field set") {
  TeamRouting routing;
  routing.strategy = AssignmentStrategy::round_robin;
  routing.default_user = UserId(4);
  routing.offer_timeout_ms = 30'000;
  routing.capacity_max = 3;
  routing.reply_timeout_ms = 300'000;
  routing.reassign_max = 2;
  routing.escalate_to = {UserId(1)};
  AssignmentSettings settings;
  settings.excluded_roles = {Role::supervisor, Role::administrator};
  settings.excluded_users = {UserId(7)};
  Explanation explanation;
  explanation.conversation = ConversationId(9);
  explanation.team = TeamId(0);
  explanation.strategy = AssignmentRule::least_busy;
  explanation.trigger = AssignmentTrigger::reply_timeout;
  explanation.chosen = UserId(4);
  explanation.offered = true;
  explanation.members = 3;
  explanation.eligible = 2;
  explanation.candidates = {Candidate{UserId(4), 1, kStart - 60'000}, Candidate{UserId(5), 1, kStart}};
  explanation.skipped = {Skip{UserId(6), SkipReason::at_capacity}};
  explanation.skipped_unlisted = 1;
  const std::vector<CommandBody> commands = {
      UpdateAssignmentSettings{settings}, SetTeamRouting{TeamId(0), routing}, SetUserCapacity{UserId(3), 2},
      SetChannelTeam{ChannelId(0), TeamId(1)}, SetConversationPriority{ConversationId(2), 5},
      SendCampaign{ChannelId(0), {ContactId(1)}, Template{"oferta", "pt_BR", {"20%"}}, TeamId(0), UserId(4)},
      SetUserConnection{UserId(3), false}};
  for (const CommandBody& body : commands) {
    const Command command{UserId(1), body};
    const Result<Command> parsed = parse_command(command_to_text(command));
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == command);
  }
  const std::vector<EventBody> events = {
      AssignmentSettingsUpdated{settings}, TeamRoutingSet{TeamId(0), routing}, AssignmentExplained{explanation},
      OfferExpired{ConversationId(9), UserId(4)}, CampaignSent{ChannelId(0), {ContactId(1), ContactId(2)}, Template{"x", "es", {}}, TeamId(0), UserId()},
      UserConnectionChanged{UserId(3), false}};
  for (const EventBody& body : events) {
    const Event event{UserId(), kStart, body};
    const Result<Event> parsed = parse_event(event_to_text(event));
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == event);
  }
  const Json json = event_to_json(Event{UserId(), kStart, AssignmentExplained{explanation}});
  CHECK(json["explanation"]["strategy"] == "least_busy");
  CHECK(json["explanation"]["skipped"][0]["reason"] == "at_capacity");
}

TEST_CASE("an explanation listing more candidates than it can hold is refused, not cut short") {
  Explanation explanation;
  explanation.conversation = ConversationId(0);
  explanation.chosen = UserId(0);
  for (uint32_t i = 0; i < kExplainCandidatesMax; ++i) explanation.candidates.push_back(Candidate{UserId(i), 1, kStart});
  Json json = event_to_json(Event{UserId(), kStart, AssignmentExplained{explanation}});
  REQUIRE(parse_event(json.dump()).ok());
  json["explanation"]["candidates"].push_back(json["explanation"]["candidates"][0]);
  const Result<Event> parsed = parse_event(json.dump());
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().message.find("explanation.candidates") != std::string::npos);
  CHECK(parsed.error().message.find("at most 4 items") != std::string::npos);
}
