// Errors are values: a stable code (its name is the wire form) and a human-readable message.
#pragma once
#include <string>
#include <utility>
#include <variant>

#include "core/reflect.h"

namespace inbox {

enum class ErrorCode : uint8_t {
  invalid_json,
  unknown_type,
  unknown_field,
  invalid_field,
  unknown_actor,
  forbidden,
  unknown_user,
  unknown_team,
  unknown_channel,
  unknown_contact,
  unknown_conversation,
  unknown_closing_reason,
  invalid_name,
  invalid_phone,
  invalid_email,
  invalid_text,
  empty_message,
  message_too_long,
  outside_whatsapp_window,
  conversation_closed,
  active_conversation_exists,
  closing_reason_required,
  not_offered,
  not_a_team_member,
  no_channel_identity,
  already_in_conference,
  not_in_conference,
  not_invited,
  duplicate_name,
  duplicate_phone,
  limit_reached,
  no_change,
  no_reminder,
  unknown_template,
  unknown_message,
  user_not_available,
  transfer_pending,
  // The offline demo's browser storage (IndexedDB), as far as emscripten_idb_async's callbacks tell apart: they
  // report that an operation failed, never why, so a full store and a blocked one are the same write failure.
  storage_unavailable,   // the database could not be opened or read at all (private browsing, storage turned off)
  storage_write_failed,  // a write was refused (storage full, or blocked after opening)
  storage_corrupt,       // what is stored fails its checksum, does not decode, or names data that is missing
  unknown_campaign,
  duplicate_email,  // a user's email is their login: one per workspace
};
template <>
struct EnumNames<ErrorCode> {
  static constexpr std::array<const char*, 42> names = {
      "invalid_json", "unknown_type", "unknown_field", "invalid_field", "unknown_actor", "forbidden",
      "unknown_user", "unknown_team", "unknown_channel", "unknown_contact", "unknown_conversation",
      "unknown_closing_reason", "invalid_name", "invalid_phone", "invalid_email", "invalid_text",
      "empty_message", "message_too_long", "outside_whatsapp_window", "conversation_closed",
      "active_conversation_exists", "closing_reason_required", "not_offered", "not_a_team_member",
      "no_channel_identity", "already_in_conference", "not_in_conference", "not_invited", "duplicate_name",
      "duplicate_phone", "limit_reached", "no_change", "no_reminder", "unknown_template",
      "unknown_message", "user_not_available", "transfer_pending", "storage_unavailable", "storage_write_failed",
      "storage_corrupt", "unknown_campaign", "duplicate_email"};
};

struct Error {
  ErrorCode code = ErrorCode::invalid_field;
  std::string message;
};

// A value or an error; the error path never carries a half-built value.
template <class T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}
  Result(Error error) : data_(std::move(error)) {}

  bool ok() const { return data_.index() == 0; }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace inbox
