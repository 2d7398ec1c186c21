#include "app/chat_view.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/compose_box.h"
#include "app/display_text.h"
#include "app/explanation_view.h"
#include "app/i18n.h"
#include "app/labels.h"
#include "app/notifications.h"
#include "app/test_locator.h"
#include "app/timeline_text.h"
#include "app/waiting_text.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

constexpr size_t kChatMessagesShown = 300;

void draw_referral_card(const Referral& referral, const LocalClock& clock) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.93f, 0.96f, 1.0f, 1));
  ImGui::BeginChild("referral", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
  ImGui::TextDisabled(tr("Click-to-WhatsApp ad · %s %s"), referral.source_type.c_str(), referral.source_id.c_str());
  if (!referral.headline.empty()) ImGui::TextWrapped("%s", referral.headline.c_str());
  if (!referral.body.empty()) ImGui::TextWrapped("%s", referral.body.c_str());
  if (!referral.source_url.empty()) ImGui::TextDisabled("%s", referral.source_url.c_str());
  if (referral.at_ms != kNever) ImGui::TextDisabled("%s", format_date_time(referral.at_ms, clock).c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// A centered grey line between the bubbles: "14:05 · Ana Souza took the conversation".
void draw_system_line(const std::string& text, float width) {
  const float text_width = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - text_width) / 2));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextDisabled("%s", text.c_str());
  ImGui::PopTextWrapPos();
}

// What the channel reported of an outbound message, as the inboxes agents know it: ✓ sent, ✓✓ delivered,
// blue ✓✓ read, ⚠ failed.
struct DeliveryMark {
  const char* text = "";
  ImU32 color = 0;
};
DeliveryMark delivery_mark(DeliveryStatus status) {
  const ImU32 grey = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  switch (status) {
    case DeliveryStatus::none: return {};
    case DeliveryStatus::sent: return {"✓", grey};
    case DeliveryStatus::delivered: return {"✓✓", grey};
    case DeliveryStatus::read: return {"✓✓", IM_COL32(34, 134, 230, 255)};
    case DeliveryStatus::failed: return {"⚠", IM_COL32(192, 40, 40, 255)};
  }
  return {};
}

void draw_bubble(const State& state, MessageId id, float width, const LocalClock& clock) {
  const Message& m = state.messages[id.index()];
  const std::string text = message_body(state, id);
  const std::string time = format_date_time(m.at_ms, clock).substr(11);
  const ImGuiStyle& style = ImGui::GetStyle();
  if (m.kind == MessageKind::system) {
    draw_system_line(time + " · " + text, width);
    return;
  }
  std::string meta = time;
  if (m.kind == MessageKind::note) meta = tr("Note") + std::string(" · ") + time;
  if (m.author.valid() && m.kind != MessageKind::inbound) meta = user_name(state, m.author) + " · " + meta;
  const DeliveryMark mark = delivery_mark(state.message_delivery[id.index()]);
  const float mark_width = *mark.text != 0 ? ImGui::CalcTextSize(mark.text).x + style.ItemInnerSpacing.x : 0.0f;
  const float wrap = width * 0.7f;
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const ImVec2 meta_size = ImGui::CalcTextSize(meta.c_str());
  const ImVec2 padding = style.FramePadding;
  const ImVec2 bubble(std::max(text_size.x, meta_size.x + mark_width) + padding.x * 2,
                      text_size.y + meta_size.y + padding.y * 2);
  const bool ours = m.kind != MessageKind::inbound;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ours ? width - bubble.x : 0.0f));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImU32 fill = IM_COL32(241, 243, 245, 255);
  if (m.kind == MessageKind::outbound) fill = IM_COL32(217, 253, 211, 255);
  if (m.kind == MessageKind::note) fill = IM_COL32(255, 243, 196, 255);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + bubble.x, p.y + bubble.y), fill, style.FrameRounding);
  draw->AddText(nullptr, 0.0f, ImVec2(p.x + padding.x, p.y + padding.y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str(),
                nullptr, wrap);
  const ImVec2 meta_right(p.x + bubble.x - padding.x, p.y + padding.y + text_size.y);
  if (mark_width > 0) draw_right_aligned(mark.text, mark.color, meta_right);
  draw_right_aligned(meta.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled), ImVec2(meta_right.x - mark_width, meta_right.y));
  ImGui::Dummy(bubble);
}

void draw_timeline_line(const State& state, const TimelineEntry& entry, float width, const LocalClock& clock) {
  draw_system_line(format_date_time(entry.at_ms, clock).substr(11) + " · " + timeline_text(state, entry, clock), width);
}

// The bell at the top right of the column, drawn first so the rest of the frame shows the conversation a
// picked notification opens (in Mine: the viewer owns it).
void draw_bell(ShellState& ui, const State& state, const LocalClock& clock) {
  const ImVec2 start = ImGui::GetCursorPos();
  const size_t unread = unread_notifications(ui.notifications);
  const float bell_width = ImGui::CalcTextSize(unread > 0 ? "🔔 000" : "🔔").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorPosX(std::max(start.x, ImGui::GetContentRegionMax().x - bell_width));
  const ConversationId picked = draw_notifications_bell(ui.notifications, state, clock);
  ImGui::SetCursorPos(start);
  if (picked.valid()) show_conversation(ui, Section::mine, state.conversations[picked.index()].status, picked);
}

}  // namespace

void draw_chat_column(ShellState& ui, sync::Engine& engine, const LocalClock& clock) {
  const State& state = engine.state();
  update_notifications(ui.notifications, engine, ui.viewer, ui.toasts, clock);
  draw_bell(ui, state, clock);
  const Conversation* c = find_conversation(state, ui.selected);
  if (c == nullptr) {
    ImGui::TextDisabled("%s", tr("Select a conversation to start answering"));
    return;
  }
  const Contact* contact = find_contact(state, c->contact);
  const Channel* channel = find_channel(state, c->channel);
  const Team* team = find_team(state, c->team);
  ImGui::TextUnformatted(contact_name(state, *c).c_str());
  const std::string details =
      joined({contact != nullptr ? contact->phone : std::string(), channel != nullptr ? channel_label(channel->kind) : "",
              team != nullptr ? team->name : std::string(), c->assignee.valid() ? user_name(state, c->assignee) : tr_ctx("assignee|Unassigned")});
  ImGui::TextDisabled("%s", details.c_str());
  const std::string waiting = waiting_text(state, *c, clock);
  if (!waiting.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s", waiting.c_str());
    locator_label_last_text(waiting.c_str());
    ImGui::PopTextWrapPos();
  }
  if (!c->assignee.valid() && c->status != ConversationStatus::closed) {
    if (ImGui::Button(tr("Assign to me"))) {
      engine.submit(Command{ui.viewer, AssignConversation{ui.selected, ui.viewer}}, clock.now_ms);
    }
    ImGui::SameLine();
  }
  draw_chat_actions(ui.actions, engine, ui.viewer, ui.selected, clock);
  ImGui::SameLine();
  draw_explanation_button(ui.explanation, engine, ui.viewer, ui.selected, clock);
  ImGui::SameLine();
  ImGui::Checkbox(tr("Contact"), &ui.contact.open);
  ImGui::Separator();

  const float panel_width = ui.contact.open ? ImGui::GetFontSize() * 17 : 0.0f;
  ImGui::BeginChild("chat_main", ImVec2(ui.contact.open ? -panel_width : 0.0f, 0));
  ImGui::BeginChild("messages", ImVec2(0, -compose_box_height()));
  if (const Referral* referral = conversation_referral(state, ui.selected)) draw_referral_card(*referral, clock);
  const float width = ImGui::GetContentRegionAvail().x;
  for (const ChatLine& line : chat_lines(state, ui.selected, kChatMessagesShown)) {
    if (line.is_message()) {
      draw_bubble(state, line.message, width, clock);
    } else {
      draw_timeline_line(state, c->timeline[line.timeline_index], width, clock);
    }
  }
  ImGui::EndChild();
  draw_compose_box(ui, engine, clock, *c);
  ImGui::EndChild();
  if (ui.contact.open) {
    ImGui::SameLine();
    ImGui::BeginChild("contact_panel", ImVec2(0, 0), ImGuiChildFlags_Border);
    draw_contact_panel(ui.contact, engine, ui.viewer, c->contact, c->channel, clock);
    ImGui::EndChild();
  }
}

}  // namespace inbox::ui
