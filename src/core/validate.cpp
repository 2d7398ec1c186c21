#include "core/validate.h"

#include "core/limits.h"
#include "core/state.h"
#include "core/text.h"

namespace inbox {
namespace {

Error fail(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace

std::optional<Error> check_name(std::string_view name, const char* what) {
  if (name.empty()) return fail(ErrorCode::invalid_name, std::string("The ") + what + " needs a name.");
  if (name.size() > kNameBytesMax) {
    return fail(ErrorCode::invalid_name,
                std::string("The ") + what + " name is too long (at most " + std::to_string(kNameBytesMax) +
                    " bytes).");
  }
  if (!utf8_code_points(name)) {
    return fail(ErrorCode::invalid_name, std::string("The ") + what + " name is not valid UTF-8 text.");
  }
  return std::nullopt;
}

std::optional<Error> check_field(std::string_view value, const char* what) {
  if (value.size() > kFieldBytesMax) {
    return fail(ErrorCode::invalid_field,
                std::string("The ") + what + " is too long (at most " + std::to_string(kFieldBytesMax) + " bytes).");
  }
  if (!utf8_code_points(value)) {
    return fail(ErrorCode::invalid_field, std::string("The ") + what + " is not valid UTF-8 text.");
  }
  return std::nullopt;
}

std::optional<Error> check_email(std::string_view email) {
  if (email.empty()) return std::nullopt;
  const size_t at = email.find('@');
  const bool shaped = at != std::string_view::npos && at > 0 && email.find('@', at + 1) == std::string_view::npos &&
                      email.find('.', at + 2) != std::string_view::npos && email.back() != '.' &&
                      email.find(' ') == std::string_view::npos && email.size() <= 254;
  if (!shaped) return fail(ErrorCode::invalid_email, "'" + std::string(email) + "' is not an email address.");
  return std::nullopt;
}

std::optional<Error> check_message_text(const State& state, std::string_view text, bool allow_empty) {
  const std::optional<size_t> code_points = utf8_code_points(text);
  if (!code_points) return fail(ErrorCode::invalid_text, "The message is not valid UTF-8 text.");
  if (*code_points == 0 && !allow_empty) return fail(ErrorCode::empty_message, "An empty message cannot be sent.");
  if (*code_points > kMessageCodePointsMax) {
    return fail(ErrorCode::message_too_long, "The message has " + std::to_string(*code_points) +
                                                 " characters; the limit is " +
                                                 std::to_string(kMessageCodePointsMax) + ".");
  }
  if (state.message_text.size() + text.size() > kMessageTextBytesMax) {
    return fail(ErrorCode::limit_reached, "The workspace's message storage is full.");
  }
  return check_room(state.messages.size(), kMessagesMax, "messages");
}

std::optional<Error> check_media(const Media& media) {
  if (auto error = check_field(media.url, "media url")) return error;
  if (auto error = check_field(media.mime_type, "media type")) return error;
  if (media.url.empty() && !media.mime_type.empty()) {
    return fail(ErrorCode::invalid_field, "A media type was given without a media url.");
  }
  return std::nullopt;
}

std::optional<Error> check_template(const Template& message_template) {
  if (auto error = check_name(message_template.name, "template")) return error;
  if (auto error = check_field(message_template.language, "template language")) return error;
  if (message_template.params.size() > kTemplateParamsMax) {
    return fail(ErrorCode::limit_reached,
                "A template takes at most " + std::to_string(kTemplateParamsMax) + " parameters.");
  }
  for (const std::string& param : message_template.params) {
    if (auto error = check_field(param, "template parameter")) return error;
  }
  return std::nullopt;
}

std::optional<Error> check_referral(const Referral& referral) {
  for (const std::string* value : {&referral.source_type, &referral.source_id, &referral.source_url,
                                   &referral.headline, &referral.body, &referral.media_url}) {
    if (auto error = check_field(*value, "referral field")) return error;
  }
  return std::nullopt;
}

std::optional<Error> check_room(size_t size, size_t max, const char* what) {
  if (size < max) return std::nullopt;
  return fail(ErrorCode::limit_reached,
              std::string("The workspace has reached its limit of ") + std::to_string(max) + " " + what + ".");
}

Result<std::string> normalize_phone(std::string_view phone) {
  if (phone.empty()) return std::string();
  std::optional<std::string> e164 = normalize_e164(phone);
  if (!e164) {
    return fail(ErrorCode::invalid_phone,
                "'" + std::string(phone.substr(0, 64)) + "' is not a phone number in international form (+country code).");
  }
  return std::move(*e164);
}

bool same_email(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace inbox
