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
