#include "core/replay.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/json_codec.h"

using namespace inbox;

TEST_CASE("replay: setup lines, a customer message and a refused reply come out as JSON lines") {
  Replay replay;
  const auto run = [&](const char* line) { return replay_line(replay, line); };
  CHECK(run(R"({"at_ms":1000,"command":{"type":"create_user","actor":null,"name":"Ana","role":"agent"}})").size() == 1);
  CHECK(run(R"({"command":{"type":"create_channel","actor":null,"kind":"whatsapp","name":"WA","address":"+1"}})").size() == 1);
  const auto opened = run(
      R"({"at_ms":2000,"command":{"type":"receive_message","actor":null,"channel":0,"from":"+5511987654321","text":"Oi"}})");
  REQUIRE(opened.size() == 3);  // contact_created, conversation_opened, message_added
  CHECK(nlohmann::json::parse(opened[1])["type"] == "conversation_opened");
  CHECK(nlohmann::json::parse(opened[2])["at_ms"] == 2000);
  const auto late = run(
      R"({"at_ms":90000000,"command":{"type":"send_message","actor":0,"conversation":0,"text":"Oi!"}})");
  REQUIRE(late.size() == 1);
  const auto error = nlohmann::json::parse(late[0]);
  CHECK(error["error"] == "outside_whatsapp_window");
  CHECK(error["line"] == 4);
}

TEST_CASE("replay: comments and blank lines are skipped; broken lines report an error and go on") {
  Replay replay;
  CHECK(replay_line(replay, "").empty());
  CHECK(replay_line(replay, "# setup").empty());
  CHECK(nlohmann::json::parse(replay_line(replay, "{not json")[0])["error"] == "invalid_json");
  CHECK(nlohmann::json::parse(replay_line(replay, R"({"at_ms":1})")[0])["error"] == "invalid_field");
  CHECK(nlohmann::json::parse(replay_line(replay, R"({"at":1,"command":{}})")[0])["error"] == "unknown_field");
  CHECK(nlohmann::json::parse(replay_line(replay, R"({"command":{"type":"x","actor":null}})")[0])["error"] ==
        "unknown_type");
  CHECK(replay.line == 6);
}

TEST_CASE("replay: a command written with replay_line_for reads back") {
  Replay replay;
  const std::string line = replay_line_for(5, Command{UserId(), CreateTeam{"Suporte técnico"}});
  const auto out = replay_line(replay, line);
  REQUIRE(out.size() == 1);
  CHECK(replay.state.teams.at(0).name == "Suporte técnico");
  CHECK(replay.now_ms == 5);
}

TEST_CASE("replay: timers due before a line fire first, in deadline order, then the engine dispatches") {
  Replay replay;
  const auto run = [&](const std::string& line) { return replay_line(replay, line); };
  const auto types = [](const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const std::string& line : lines) out.push_back(nlohmann::json::parse(line)["type"].get<std::string>());
    return out;
  };
  run(R"({"at_ms":1000,"command":{"type":"create_user","actor":null,"name":"Ana","role":"agent"}})");
  run(R"({"command":{"type":"create_user","actor":null,"name":"Bruno","role":"agent"}})");
  run(R"({"command":{"type":"create_team","actor":null,"name":"Vendas"}})");
  run(R"({"command":{"type":"set_team_members","actor":null,"team":0,"members":[0,1]}})");
  run(R"({"command":{"type":"set_team_routing","actor":null,"team":0,"routing":{"offer_timeout_ms":30000}}})");
  run(R"({"command":{"type":"create_channel","actor":null,"kind":"whatsapp","name":"WA","address":"+1"}})");
  run(R"({"command":{"type":"set_channel_team","actor":null,"channel":0,"team":0}})");
  run(R"({"command":{"type":"update_settings","actor":null,"settings":{"automatic_assignment":true}}})");
  run(R"({"command":{"type":"set_user_status","actor":0,"user":0,"status":"available"}})");
  run(R"({"at_ms":2000,"command":{"type":"set_user_status","actor":1,"user":1,"status":"available"}})");
  const auto opened = types(run(
      R"({"at_ms":3000,"command":{"type":"receive_message","actor":null,"channel":0,"from":"+5511987654321","text":"Oi"}})"));
  CHECK(opened == std::vector<std::string>{"contact_created", "conversation_opened", "message_added",
                                           "assignment_explained", "conversation_offered"});
  // Ana never accepts: at the next line (59 s later) her offer expired at 33000, before the line runs.
  const auto later = run(R"({"at_ms":62000,"command":{"type":"add_note","actor":null,"conversation":0,"text":"."}})");
  CHECK(types(later) == std::vector<std::string>{"offer_expired", "user_status_changed", "assignment_explained",
                                                 "conversation_offered", "message_added"});
  CHECK(nlohmann::json::parse(later[0])["at_ms"] == 33000);
  CHECK(nlohmann::json::parse(later[3])["user"] == 1);
}
