#include "core/replay.h"

#include <nlohmann/json.hpp>

#include "core/apply.h"
#include "core/decide.h"
#include "core/json_codec.h"
#include "core/timers.h"

namespace inbox {
namespace {

std::string error_line(const Replay& replay, const Error& error) {
  Json out = error_to_json(error);
  out["line"] = replay.line;
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::vector<std::string> replay_line(Replay& replay, std::string_view line) {
  ++replay.line;
  const size_t start = line.find_first_not_of(" \t\r");
  if (start == std::string_view::npos || line[start] == '#') return {};
  const Result<Json> json = parse_json(line);
  if (!json.ok()) return {error_line(replay, json.error())};
  const Json& object = json.value();
  if (!object.is_object()) return {error_line(replay, Error{ErrorCode::invalid_json, "A line is a JSON object."})};
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (it.key() != "at_ms" && it.key() != "command") {
      return {error_line(replay, Error{ErrorCode::unknown_field, "Unknown field '" + it.key() + "' in a line."})};
    }
  }
  const auto at = object.find("at_ms");
  if (at != object.end()) {
    if (!at->is_number_integer()) {
      return {error_line(replay, Error{ErrorCode::invalid_field, "The field 'at_ms' must be an integer."})};
    }
    replay.now_ms = at->get<int64_t>();
  }
  const auto command_json = object.find("command");
  if (command_json == object.end()) {
    return {error_line(replay, Error{ErrorCode::invalid_field, "The field 'command' is missing."})};
  }
  const Result<Command> command = command_from_json(*command_json);
  if (!command.ok()) return {error_line(replay, command.error())};
  std::vector<std::string> out;
  // The timers owed up to this line's time fire first, in deadline order; the engine's dispatch after.
  for (const Event& event : run_due(replay.state, replay.now_ms)) out.push_back(event_to_text(event));
  const Decision decision = decide(replay.state, command.value(), replay.now_ms);
  if (!decision.ok()) {
    out.push_back(error_line(replay, decision.error()));
    return out;
  }
  for (const Event& event : decision.value()) {
    apply(replay.state, event);
    out.push_back(event_to_text(event));
  }
  for (const Event& event : run_due(replay.state, replay.now_ms)) out.push_back(event_to_text(event));
  return out;
}

std::string replay_line_for(int64_t at_ms, const Command& command) {
  return Json{{"at_ms", at_ms}, {"command", command_to_json(command)}}.dump(-1, ' ', false,
                                                                             Json::error_handler_t::replace);
}

}  // namespace inbox
