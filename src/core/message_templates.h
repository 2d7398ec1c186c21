// The workspace's approved WhatsApp templates: reading a body's {{n}} placeholders, finding a template by
// name and language, and the text a template reads as once its parameters fill it in.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/model.h"

namespace inbox {

struct State;

// How many parameters a body takes: its placeholders must be {{1}}..{{n}}, each at least once, n at most
// kTemplateParamsMax. Anything else in double braces is refused, so a typo never reaches a customer.
Result<uint32_t> template_placeholders(std::string_view body);

const MessageTemplate* find_template(const State& state, std::string_view name, std::string_view language);

// The body with {{i}} replaced by params[i - 1] (params has exactly template.params entries).
std::string render_template(const MessageTemplate& message_template, const std::vector<std::string>& params);

// What sending `sent` reads as: refused when the workspace lists no such template or the parameters do
// not match its placeholders.
Result<std::string> approved_template_text(const State& state, const Template& sent);

}  // namespace inbox
