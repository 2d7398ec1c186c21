#include "core/json_codec.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <optional>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace inbox {
namespace {

// Thrown inside this file only; every public function turns it into an Error.
struct DecodeError {
  ErrorCode code;
  std::string message;
};

template <class T>
Json encode(const T& value) {
  if constexpr (is_reflected_v<T>) {
    Json out = Json::object();
    T::fields([&](const char* name, auto member) { out[name] = encode(value.*member); });
    return out;
  } else if constexpr (std::is_enum_v<T>) {
    return enum_name(value);
  } else if constexpr (is_id_v<T>) {
    return value.valid() ? Json(value.value) : Json(nullptr);
  } else if constexpr (is_vector_v<T>) {
    Json out = Json::array();
    for (const auto& item : value) out.push_back(encode(item));
    return out;
  } else if constexpr (is_optional_v<T>) {
    return value ? encode(*value) : Json(nullptr);
  } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool> || std::is_integral_v<T>) {
    return value;
  } else {
    static_assert(always_false_v<T>, "no JSON form for this type");
  }
}

[[noreturn]] void bad(const std::string& path, const char* expected) {
  throw DecodeError{ErrorCode::invalid_field, "The field '" + path + "' must be " + expected + "."};
}

template <class T>
void decode_object(const Json& json, T& out, const std::string& path, std::initializer_list<const char*> reserved);

template <class T>
void decode(const Json& json, T& out, const std::string& path) {
  if constexpr (is_reflected_v<T>) {
    decode_object(json, out, path, {});
  } else if constexpr (std::is_enum_v<T>) {
    if (!json.is_string() || !enum_from_name(json.get_ref<const std::string&>(), out)) {
      std::string expected = "one of";
      for (const char* name : EnumNames<T>::names) expected += std::string(" \"") + name + "\"";
      bad(path, expected.c_str());
    }
  } else if constexpr (is_id_v<T>) {
    if (json.is_null()) {
      out = T();
    } else if (json.is_number_unsigned() && json.get<uint64_t>() < T::kNone) {
      out = T(static_cast<uint32_t>(json.get<uint64_t>()));
    } else {
      bad(path, "an id (a non-negative integer) or null");
    }
  } else if constexpr (is_vector_v<T>) {
    if (!json.is_array()) bad(path, "an array");
    if (json.size() > out.max_size()) bad(path, ("an array of at most " + std::to_string(out.max_size()) + " items").c_str());
    out.clear();
    out.resize(json.size());
    for (size_t i = 0; i < json.size(); ++i) decode(json[i], out[i], path + "[" + std::to_string(i) + "]");
  } else if constexpr (is_optional_v<T>) {
    if (json.is_null()) {
      out.reset();
    } else {
      out.emplace();
      decode(json, *out, path);
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!json.is_string()) bad(path, "a string");
    out = json.get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!json.is_boolean()) bad(path, "true or false");
    out = json.get<bool>();
  } else if constexpr (std::is_same_v<T, int64_t>) {
    const bool fits = json.is_number_integer() &&
                      (!json.is_number_unsigned() ||
                       json.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()));
    if (!fits) bad(path, "an integer");
    out = json.get<int64_t>();
  } else if constexpr (std::is_same_v<T, uint32_t>) {
    if (!json.is_number_unsigned() || json.get<uint64_t>() > std::numeric_limits<uint32_t>::max()) {
      bad(path, "a non-negative 32-bit integer");
    }
    out = static_cast<uint32_t>(json.get<uint64_t>());
  } else {
    static_assert(always_false_v<T>, "no JSON form for this type");
  }
}

// Missing fields keep their defaults; unknown ones are refused, so a typo never goes unnoticed.
template <class T>
void decode_object(const Json& json, T& out, const std::string& path, std::initializer_list<const char*> reserved) {
  if (!json.is_object()) bad(path, "an object");
  for (auto it = json.begin(); it != json.end(); ++it) {
    const std::string& key = it.key();
    if (std::any_of(reserved.begin(), reserved.end(), [&](const char* r) { return key == r; })) continue;
    bool known = false;
    T::fields([&](const char* name, auto member) {
      if (known || key != name) return;
      known = true;
      decode(it.value(), out.*member, path + "." + key);
    });
    if (!known) throw DecodeError{ErrorCode::unknown_field, "Unknown field '" + key + "' in " + path + "."};
  }
}

template <class Variant, size_t I = 0>
bool decode_alternative(const std::string& type, const Json& json, Variant& out,
                        std::initializer_list<const char*> reserved) {
  if constexpr (I < std::variant_size_v<Variant>) {
    using T = std::variant_alternative_t<I, Variant>;
    if (type == T::kType) {
      T value;
      decode_object(json, value, type, reserved);
      out = std::move(value);
      return true;
    }
    return decode_alternative<Variant, I + 1>(type, json, out, reserved);
  } else {
    return false;
  }
}

template <class Variant>
Json encode_tagged(const Variant& body) {
  return std::visit(
      [](const auto& value) {
        Json out = encode(value);
        out["type"] = std::decay_t<decltype(value)>::kType;
        return out;
      },
      body);
}

const Json& required(const Json& json, const char* key) {
  const auto found = json.find(key);
  if (found == json.end()) throw DecodeError{ErrorCode::invalid_field, std::string("The field '") + key + "' is missing."};
  return *found;
}

template <class Variant>
Variant decode_tagged(const Json& json, std::initializer_list<const char*> reserved) {
  if (!json.is_object()) throw DecodeError{ErrorCode::invalid_json, "Expected a JSON object."};
  const Json& type = required(json, "type");
  if (!type.is_string()) bad("type", "a string");
  Variant body;
  if (!decode_alternative(type.get<std::string>(), json, body, reserved)) {
    throw DecodeError{ErrorCode::unknown_type, "Unknown type '" + type.get<std::string>() + "'."};
  }
  return body;
}

// Everything that can go wrong inside decoding becomes an Error here.
template <class T, class F>
Result<T> guarded(F&& decode_fn) {
  try {
    return decode_fn();
  } catch (const DecodeError& e) {
    return Error{e.code, e.message};
  } catch (const std::exception& e) {
    return Error{ErrorCode::invalid_json, std::string("Malformed input: ") + e.what()};
  }
}

std::optional<Error> check_shape(std::string_view text) {
  if (text.size() > kJsonBytesMax) {
    return Error{ErrorCode::invalid_json, "The JSON text is larger than " + std::to_string(kJsonBytesMax) + " bytes."};
  }
  // The parser recurses per nesting level: refuse deep nesting before it can exhaust the stack.
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kJsonDepthMax) return Error{ErrorCode::invalid_json, "The JSON is nested too deeply."};
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

Json command_to_json(const Command& command) {
  Json out = encode_tagged(command.body);
  out["actor"] = encode(command.actor);
  return out;
}

Result<Command> command_from_json(const Json& json) {
  return guarded<Command>([&] {
    Command command;
    command.body = decode_tagged<CommandBody>(json, {"type", "actor"});
    decode(required(json, "actor"), command.actor, "actor");
    return command;
  });
}

std::string command_to_text(const Command& command) { return dump(command_to_json(command)); }

Result<Command> parse_command(std::string_view text) {
  Result<Json> json = parse_json(text);
  if (!json.ok()) return json.error();
  return command_from_json(json.value());
}

Json event_to_json(const Event& event) {
  Json out = encode_tagged(event.body);
  out["actor"] = encode(event.actor);
  out["at_ms"] = event.at_ms;
  return out;
}

Result<Event> event_from_json(const Json& json) {
  return guarded<Event>([&] {
    Event event;
    event.body = decode_tagged<EventBody>(json, {"type", "actor", "at_ms"});
    decode(required(json, "actor"), event.actor, "actor");
    decode(required(json, "at_ms"), event.at_ms, "at_ms");
    return event;
  });
}

std::string event_to_text(const Event& event) { return dump(event_to_json(event)); }

Result<Event> parse_event(std::string_view text) {
  Result<Json> json = parse_json(text);
  if (!json.ok()) return json.error();
  return event_from_json(json.value());
}

Json error_to_json(const Error& error) {
  return Json{{"error", enum_name(error.code)}, {"message", error.message}};
}

Result<Json> parse_json(std::string_view text) {
  if (auto error = check_shape(text)) return *error;
  return guarded<Json>([&] { return Json::parse(text.begin(), text.end()); });
}

Json state_to_json(const State& state) {
  Json out = Json::object();
  State::fields([&](const char* name, auto member) {
    if constexpr (!is_derived_index_v<decltype(member)>) {
      out[name] = encode(state.*member);
    }
  });
  return out;
}

}  // namespace inbox
