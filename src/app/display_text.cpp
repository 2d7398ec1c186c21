#include "app/display_text.h"

#include "app/i18n.h"
#include "core/state.h"

namespace inbox::ui {

std::string user_name(const State& state, UserId id) {
  const User* user = find_user(state, id);
  return user != nullptr ? user->name : std::string();
}

std::string contact_name(const State& state, const Conversation& c) {
  const Contact* contact = find_contact(state, c.contact);
  if (contact == nullptr) return "?";
  return contact->name.empty() ? contact->phone : contact->name;
}

std::string message_body(const State& state, MessageId id) {
  const std::string_view text = message_text(state, id);
  if (!text.empty()) return std::string(text);
  switch (state.messages[id.index()].form) {
    case MessageForm::media: return tr("📎 Media");
    case MessageForm::template_: return tr("📄 Template");
    case MessageForm::text: break;
  }
  return std::string();
}

std::string joined(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += " · ";
    out += part;
  }
  return out;
}

void draw_right_aligned(const char* text, ImU32 color, ImVec2 top_right) {
  ImGui::GetWindowDrawList()->AddText(ImVec2(top_right.x - ImGui::CalcTextSize(text).x, top_right.y), color, text);
}

}  // namespace inbox::ui
