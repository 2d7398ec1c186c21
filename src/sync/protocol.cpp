#include "sync/protocol.h"

#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

namespace inbox::sync {

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

FrameError frame_error(std::string message) { return {ProtocolErrorCode::malformed_frame, std::move(message)}; }

// The frame's fields, each checked for its JSON type; a missing or mistyped one becomes the FrameError.
class Fields {
 public:
  explicit Fields(const Json& json) : json_(json) {}

  std::optional<FrameError> error;

  std::string string(const char* name, size_t bytes_max, bool required = true) {
    const Json* value = find(name, required);
    if (value == nullptr) return {};
    if (!value->is_string()) return fail(name, "a string"), std::string();
    std::string out = value->get<std::string>();
    if (out.size() > bytes_max) fail(name, "at most " + std::to_string(bytes_max) + " bytes");
    return out;
  }

  uint64_t number(const char* name, bool required = true) {
    const Json* value = find(name, required);
    if (value == nullptr) return 0;
    if (!value->is_number_unsigned()) return fail(name, "a number >= 0"), 0;
    return value->get<uint64_t>();
  }

  const Json* object(const char* name) {
    const Json* value = find(name, true);
    if (value != nullptr && !value->is_object()) return fail(name, "an object"), nullptr;
    return value;
  }

  const Json* array(const char* name) {
    const Json* value = find(name, true);
    if (value != nullptr && !value->is_array()) return fail(name, "an array"), nullptr;
    return value;
  }

  bool boolean(const char* name) {
    const Json* value = find(name, false);
    if (value == nullptr) return false;
    if (!value->is_boolean()) return fail(name, "true or false"), false;
    return value->get<bool>();
  }

 private:
  const Json* find(const char* name, bool required) {
    if (error) return nullptr;
    auto it = json_.find(name);
    if (it == json_.end()) {
      if (required) error = frame_error(std::string("\"") + name + "\" is missing");
      return nullptr;
    }
    return &*it;
  }

  void fail(const char* name, const std::string& shape) {
    if (!error) error = frame_error(std::string("\"") + name + "\" must be " + shape);
  }

  const Json& json_;
};

// The envelope every frame shares: a JSON object {"v": 1, "type": "..."}.
FrameResult<std::pair<Json, std::string>> parse_envelope(std::string_view text) {
  Result<Json> parsed = parse_json(text);
  if (!parsed.ok()) return frame_error("not JSON: " + parsed.error().message);
  Json json = std::move(parsed).value();
  if (!json.is_object()) return frame_error("a frame is a JSON object");
  Fields fields(json);
  const uint64_t version = fields.number("v");
  std::string type = fields.string("type", 32);
  if (fields.error) return *fields.error;
  if (version != static_cast<uint64_t>(kProtocolVersion)) {
    return FrameError{ProtocolErrorCode::unsupported_version,
                      "protocol version " + std::to_string(version) + " is not spoken here (this relay speaks " +
                          std::to_string(kProtocolVersion) + ")"};
  }
  return std::make_pair(std::move(json), std::move(type));
}

FrameError unknown_type(const std::string& type) {
  return {ProtocolErrorCode::unknown_frame_type, "unknown frame type \"" + type + "\""};
}

Json envelope(const char* type) { return Json{{"v", kProtocolVersion}, {"type", type}}; }

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

template <class T>
FrameResult<T> checked(Fields& fields, T value) {
  if (fields.error) return *fields.error;
  return value;
}

}  // namespace

FrameResult<ClientFrame> parse_client_frame(std::string_view text) {
  if (text.size() > kClientFrameBytesMax) {
    return FrameError{ProtocolErrorCode::frame_too_large, "a frame is at most " +
                                                              std::to_string(kClientFrameBytesMax) + " bytes, this one " +
                                                              std::to_string(text.size())};
  }
  auto envelope_or = parse_envelope(text);
  if (auto* error = std::get_if<FrameError>(&envelope_or)) return *error;
  auto& [json, type] = std::get<0>(envelope_or);
  Fields fields(json);
  if (type == "hello") {
    HelloFrame hello;
    hello.token = fields.string("token", 256);
    hello.last_seq = fields.number("last_seq", false);
    return checked<ClientFrame>(fields, std::move(hello));
  }
  if (type == "command") {
    CommandFrame command;
    command.client_id = fields.string("client_id", kClientIdBytesMax);
    if (!fields.error && command.client_id.empty()) return frame_error("\"client_id\" must not be empty");
    if (const Json* body = fields.object("command")) command.command = *body;
    return checked<ClientFrame>(fields, std::move(command));
  }
  if (type == "ping") {
    PingFrame ping{fields.number("id", false)};
    return checked<ClientFrame>(fields, ping);
  }
  return unknown_type(type);
}

std::string encode_client_frame(const ClientFrame& frame) {
  return std::visit(Overloaded{
                        [](const HelloFrame& f) {
                          Json out = envelope("hello");
                          out["token"] = f.token;
                          out["last_seq"] = f.last_seq;
                          return dump(out);
                        },
                        [](const CommandFrame& f) {
                          Json out = envelope("command");
                          out["client_id"] = f.client_id;
                          out["command"] = f.command;
                          return dump(out);
                        },
                        [](const PingFrame& f) {
                          Json out = envelope("ping");
                          out["id"] = f.id;
                          return dump(out);
                        },
                    },
                    frame);
}

Result<Command> command_as(const CommandFrame& frame, UserId user) {
  if (!frame.command.is_object()) return Error{ErrorCode::invalid_json, "a command is a JSON object"};
  if (frame.command.contains("actor")) {
    return Error{ErrorCode::forbidden,
                 "Not allowed: a command names no actor, the relay acts as the signed-in user"};
  }
  Json json = frame.command;
  json["actor"] = user.value;
  return command_from_json(json);
}

namespace {

FrameResult<RelayFrame> parse_welcome(Fields& fields) {
  WelcomeFrame welcome;
  const uint64_t user = fields.number("user");
  const std::string role = fields.string("role", 32);
  welcome.seq = fields.number("seq");
  if (fields.error) return *fields.error;
  if (user >= UserId::kNone) return frame_error("\"user\" is not a user id");
  welcome.user = UserId(static_cast<uint32_t>(user));
  if (!enum_from_name(role, welcome.role)) return frame_error("unknown role \"" + role + "\"");
  return RelayFrame(welcome);
}

FrameResult<RelayFrame> parse_events(Fields& fields) {
  const Json* list = fields.array("events");
  if (fields.error) return *fields.error;
  EventsFrame frame;
  frame.events.reserve(list->size());
  for (const Json& item : *list) {
    if (!item.is_object()) return frame_error("each event is a JSON object");
    Fields event_fields(item);
    const uint64_t seq = event_fields.number("seq");
    if (event_fields.error) return *event_fields.error;
    Json event_json = item;
    event_json.erase("seq");
    Result<Event> event = event_from_json(event_json);
    if (!event.ok()) return frame_error("event " + std::to_string(seq) + ": " + event.error().message);
    frame.events.push_back({seq, std::move(event).value()});
  }
  return RelayFrame(std::move(frame));
}

template <class E>
bool parse_code(Fields& fields, E& code) {
  const std::string name = fields.string("code", 64);
  if (fields.error) return false;
  if (enum_from_name(name, code)) return true;
  fields.error = frame_error("unknown code \"" + name + "\"");
  return false;
}

}  // namespace

FrameResult<RelayFrame> parse_relay_frame(std::string_view text) {
  auto envelope_or = parse_envelope(text);
  if (auto* error = std::get_if<FrameError>(&envelope_or)) return *error;
  auto& [json, type] = std::get<0>(envelope_or);
  Fields fields(json);
  if (type == "welcome") {
    FrameResult<RelayFrame> welcome = parse_welcome(fields);
    if (auto* frame = std::get_if<RelayFrame>(&welcome); frame && json.contains("snapshot_bytes")) {
      std::get<WelcomeFrame>(*frame).snapshot_bytes = fields.number("snapshot_bytes");
      if (fields.error) return *fields.error;
    }
    return welcome;
  }
  if (type == "events") return parse_events(fields);
  if (type == "ack") {
    AckFrame ack;
    ack.client_id = fields.string("client_id", kClientIdBytesMax);
    ack.seq = fields.number("seq");
    return checked<RelayFrame>(fields, std::move(ack));
  }
  if (type == "reject") {
    RejectFrame reject;
    reject.client_id = fields.string("client_id", kClientIdBytesMax);
    parse_code(fields, reject.error.code);
    reject.error.message = fields.string("message", 4096);
    return checked<RelayFrame>(fields, std::move(reject));
  }
  if (type == "error") {
    ErrorFrame error;
    parse_code(fields, error.code);
    error.message = fields.string("message", 4096);
    error.fatal = fields.boolean("fatal");
    return checked<RelayFrame>(fields, std::move(error));
  }
  if (type == "pong") {
    PongFrame pong{fields.number("id", false)};
    return checked<RelayFrame>(fields, pong);
  }
  return unknown_type(type);
}

std::string encode_relay_frame(const RelayFrame& frame) {
  return std::visit(Overloaded{
                        [](const WelcomeFrame& f) {
                          Json out = envelope("welcome");
                          out["user"] = f.user.value;
                          out["role"] = enum_name(f.role);
                          out["seq"] = f.seq;
                          if (f.snapshot_bytes) out["snapshot_bytes"] = *f.snapshot_bytes;
                          return dump(out);
                        },
                        [](const EventsFrame& f) {
                          Json out = envelope("events");
                          Json list = Json::array();
                          for (const SequencedEvent& item : f.events) {
                            Json event = event_to_json(item.event);
                            event["seq"] = item.seq;
                            list.push_back(std::move(event));
                          }
                          out["events"] = std::move(list);
                          return dump(out);
                        },
                        [](const AckFrame& f) {
                          Json out = envelope("ack");
                          out["client_id"] = f.client_id;
                          out["seq"] = f.seq;
                          return dump(out);
                        },
                        [](const RejectFrame& f) {
                          Json out = envelope("reject");
                          out["client_id"] = f.client_id;
                          out["code"] = enum_name(f.error.code);
                          out["message"] = f.error.message;
                          return dump(out);
                        },
                        [](const ErrorFrame& f) {
                          Json out = envelope("error");
                          out["code"] = enum_name(f.code);
                          out["message"] = f.message;
                          if (f.fatal) out["fatal"] = true;
                          return dump(out);
                        },
                        [](const PongFrame& f) {
                          Json out = envelope("pong");
                          out["id"] = f.id;
                          return dump(out);
                        },
                    },
                    frame);
}

}  // namespace inbox::sync
