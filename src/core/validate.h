// Checks of user input shared by the commands: names, emails, phones, message texts, limits.
// Each returns nullopt when the input is fine, or the Error to refuse it with.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "core/model.h"

namespace inbox {

struct State;

std::optional<Error> check_name(std::string_view name, const char* what);
std::optional<Error> check_field(std::string_view value, const char* what);
// Empty is allowed (the email is optional).
std::optional<Error> check_email(std::string_view email);
// Emails compare without regard to ASCII case: Ana@Example.com and ana@example.com are one login.
bool same_email(std::string_view a, std::string_view b);
// A message, note or caption: valid UTF-8, at most 4096 code points, empty only when allowed.
std::optional<Error> check_message_text(const State& state, std::string_view text, bool allow_empty);
std::optional<Error> check_media(const Media& media);
std::optional<Error> check_template(const Template& message_template);
std::optional<Error> check_referral(const Referral& referral);
std::optional<Error> check_room(size_t size, size_t max, const char* what);

// Empty stays empty (no phone); anything else must be an E.164 number in any formatting.
Result<std::string> normalize_phone(std::string_view phone);

}  // namespace inbox
