#include "core/message_templates.h"

#include <algorithm>
#include <string>

#include "core/limits.h"
#include "core/state.h"

namespace inbox {
namespace {

Error fail(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

// Calls on_text(text) and on_placeholder(n) for the body's pieces in order; false at the first "{{" that
// is not a placeholder ({{ digits }} with 1 <= n <= kTemplateParamsMax).
template <class OnText, class OnPlaceholder>
bool walk_body(std::string_view body, OnText&& on_text, OnPlaceholder&& on_placeholder) {
  size_t at = 0;
  while (at < body.size()) {
    const size_t open = body.find("{{", at);
    if (open == std::string_view::npos) break;
    on_text(body.substr(at, open - at));
    const size_t close = body.find("}}", open + 2);
    if (close == std::string_view::npos || close == open + 2 || close - open - 2 > 2) return false;
    uint32_t n = 0;
    for (char digit : body.substr(open + 2, close - open - 2)) {
      if (digit < '0' || digit > '9') return false;
      n = n * 10 + static_cast<uint32_t>(digit - '0');
    }
    if (n == 0 || n > kTemplateParamsMax) return false;
    on_placeholder(n);
    at = close + 2;
  }
  on_text(body.substr(at));
  return true;
}

}  // namespace

Result<uint32_t> template_placeholders(std::string_view body) {
  std::vector<bool> seen(kTemplateParamsMax + 1, false);
  uint32_t highest = 0;
  const bool well_formed = walk_body(body, [](std::string_view) {}, [&](uint32_t n) {
    seen[n] = true;
    highest = std::max(highest, n);
  });
  if (!well_formed) {
    return fail(ErrorCode::invalid_field, "A template's placeholders are {{1}}, {{2}}... up to {{" +
                                              std::to_string(kTemplateParamsMax) + "}}.");
  }
  for (uint32_t n = 1; n <= highest; ++n) {
    if (!seen[n]) {
      return fail(ErrorCode::invalid_field, "The template uses {{" + std::to_string(highest) + "}} but not {{" +
                                                std::to_string(n) + "}}: number placeholders from 1 without gaps.");
    }
  }
  return highest;
}

const MessageTemplate* find_template(const State& state, std::string_view name, std::string_view language) {
  for (const MessageTemplate& t : state.templates) {
    if (t.name == name && t.language == language) return &t;
  }
  return nullptr;
}

std::string render_template(const MessageTemplate& message_template, const std::vector<std::string>& params) {
  std::string out;
  walk_body(message_template.body, [&](std::string_view text) { out += text; },
            [&](uint32_t n) { out += n <= params.size() ? params[n - 1] : std::string(); });
  return out;
}

Result<std::string> approved_template_text(const State& state, const Template& sent) {
  const MessageTemplate* found = find_template(state, sent.name, sent.language);
  if (found == nullptr) {
    return fail(ErrorCode::unknown_template, "There is no approved template '" + sent.name + "' in '" +
                                                 sent.language + "': only approved templates can be sent.");
  }
  if (sent.params.size() != found->params) {
    return fail(ErrorCode::invalid_field, "The template '" + sent.name + "' takes " + std::to_string(found->params) +
                                              " parameters, not " + std::to_string(sent.params.size()) + ".");
  }
  return render_template(*found, sent.params);
}

}  // namespace inbox
