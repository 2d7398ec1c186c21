#include "app/chat_actions.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>
#include <vector>

#include "app/labels.h"
#include "app/tags_text.h"
#include "core/state.h"
#include "core/text.h"

namespace inbox::ui {
namespace {

void submit(sync::Engine& engine, UserId viewer, const LocalClock& clock, CommandBody body) {
  engine.submit(Command{viewer, std::move(body)}, clock.now_ms);
}

// Agents to pick for a transfer or a conference: everyone who can hold conversations but the viewer.
std::vector<UserId> other_agents(const State& state, UserId viewer) {
  std::vector<UserId> agents;
  for (uint32_t i = 0; i < state.users.size(); ++i) {
    if (UserId(i) != viewer) agents.push_back(UserId(i));
  }
  return agents;
}

std::string agent_label(const State& state, UserId id, const char* id_prefix) {
  const User& user = state.users[id.index()];
  return user.name + " (" + status_label(user.status) + ")##" + id_prefix + std::to_string(id.value);
}

void draw_close_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("close_popup")) return;
  const State& state = engine.state();
  ImGui::TextUnformatted("Close with a reason");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputTextWithHint("##reason_search", "Search reasons", &ui.reason_search);
  const std::string query = fold_for_search(ui.reason_search);
  ImGui::BeginChild("reasons", ImVec2(ImGui::GetFontSize() * 16, ImGui::GetTextLineHeightWithSpacing() * 8),
                    ImGuiChildFlags_Border);
  for (uint32_t i = 0; i < state.closing_reasons.size(); ++i) {
    const std::string& name = state.closing_reasons[i].name;
    if (!query.empty() && fold_for_search(name).find(query) == std::string::npos) continue;
    if (ImGui::Selectable(name.c_str(), ui.reason == ClosingReasonId(i))) ui.reason = ClosingReasonId(i);
  }
  ImGui::EndChild();
  if (state.settings.closing_reason_required && !ui.reason.valid()) ImGui::TextDisabled("A reason is required.");
  if (ImGui::Button("Close conversation")) {
    submit(engine, viewer, clock, CloseConversation{id, ui.reason});
    ui.reason = ClosingReasonId();
    ui.reason_search.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_transfer_popup(sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("transfer_popup")) return;
  const State& state = engine.state();
  ImGui::TextDisabled("To a team");
  for (uint32_t i = 0; i < state.teams.size(); ++i) {
    const std::string label = state.teams[i].name + "##team" + std::to_string(i);
    if (ImGui::Selectable(label.c_str())) submit(engine, viewer, clock, TransferConversation{id, TeamId(i), UserId(), {}});
  }
  ImGui::Separator();
  ImGui::TextDisabled("To an agent");
  for (UserId agent : other_agents(state, viewer)) {
    if (ImGui::Selectable(agent_label(state, agent, "transfer").c_str())) {
      submit(engine, viewer, clock, TransferConversation{id, TeamId(), agent, {}});
    }
  }
  ImGui::EndPopup();
}

void draw_conference_popup(sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("conference_popup")) return;
  const State& state = engine.state();
  const Conversation& c = state.conversations[id.index()];
  const Participant* me = nullptr;
  for (const Participant& p : c.conference) {
    if (p.user == viewer) me = &p;
    const std::string& name = state.users[p.user.index()].name;
    ImGui::BulletText("%s%s", name.c_str(), p.joined ? "" : " (invited)");
  }
  if (me != nullptr && !me->joined && ImGui::Selectable("Join conference")) submit(engine, viewer, clock, JoinConference{id});
  if (me != nullptr && me->joined && ImGui::Selectable("Leave conference")) submit(engine, viewer, clock, LeaveConference{id});
  if (me == nullptr && !c.conference.empty() && ImGui::Selectable("End conference")) {
    submit(engine, viewer, clock, EndConference{id});
  }
  if (me == nullptr && ImGui::BeginMenu("Invite")) {
    for (UserId agent : other_agents(state, viewer)) {
      if (agent == c.assignee) continue;
      if (ImGui::MenuItem(agent_label(state, agent, "invite").c_str())) {
        submit(engine, viewer, clock, InviteToConference{id, agent});
      }
    }
    ImGui::EndMenu();
  }
  ImGui::EndPopup();
}

void draw_tags_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("tags_popup")) return;
  const State& state = engine.state();
  const Conversation& c = state.conversations[id.index()];
  std::string current;
  for (TagId tag : c.tags) current += (current.empty() ? "" : ", ") + state.tags[tag.index()].name;
  ImGui::TextDisabled("Tags: %s", current.empty() ? "none" : current.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputTextWithHint("##tags_text", "vip, billing", &ui.tags_text);
  const std::vector<std::string> tags = split_tags(ui.tags_text);
  ImGui::BeginDisabled(tags.empty());
  if (ImGui::Button("Add tags")) {
    submit(engine, viewer, clock, TagConversation{id, tags, TagMode::add});
    ui.tags_text.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Replace tags")) {
    submit(engine, viewer, clock, TagConversation{id, tags, TagMode::replace});
    ui.tags_text.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::EndPopup();
}

struct ReminderChoice {
  ReminderPreset preset;
  int64_t in_ms;
  const char* label;
};
constexpr int64_t kMinuteMs = 60'000;
constexpr ReminderChoice kReminderChoices[] = {
    {ReminderPreset::in_30_minutes, 30 * kMinuteMs, "In 30 minutes"},
    {ReminderPreset::in_1_hour, 60 * kMinuteMs, "In 1 hour"},
    {ReminderPreset::in_4_hours, 4 * 60 * kMinuteMs, "In 4 hours"},
    {ReminderPreset::in_24_hours, 24 * 60 * kMinuteMs, "In 24 hours"},
    {ReminderPreset::in_31_hours, 31 * 60 * kMinuteMs, "In 31 hours"},
};

void draw_remind_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("remind_popup")) return;
  const State& state = engine.state();
  const Conversation& c = state.conversations[id.index()];
  if (c.reminder_at != kNever) {
    ImGui::TextDisabled("Reminder set for %s", format_date_time(c.reminder_at, clock).c_str());
    if (ImGui::Selectable("Cancel reminder")) submit(engine, viewer, clock, CancelReminder{id});
    ImGui::Separator();
  }
  ImGui::Checkbox("Postpone contact until reminder", &ui.remind_postpone);
  const Channel* channel = find_channel(state, c.channel);
  const int64_t window_closes = window_closes_at(c);
  for (const ReminderChoice& choice : kReminderChoices) {
    if (ImGui::Selectable(choice.label)) {
      submit(engine, viewer, clock, SetReminder{id, choice.preset, 0, ui.remind_postpone});
    }
    // Warn before the agent picks: after the window closes only templates can reach the customer.
    const bool after_window = channel != nullptr && channel->kind == ChannelKind::whatsapp &&
                              (window_closes == kNever || clock.now_ms + choice.in_ms >= window_closes);
    if (after_window) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "window closed by then: templates only");
    }
  }
  ImGui::EndPopup();
}

}  // namespace

void draw_chat_actions(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId conversation,
                       const LocalClock& clock) {
  const Conversation* c = find_conversation(engine.state(), conversation);
  if (c == nullptr || c->status == ConversationStatus::closed) return;
  if (ImGui::Button("Close")) ImGui::OpenPopup("close_popup");
  ImGui::SameLine();
  if (ImGui::Button("Transfer")) ImGui::OpenPopup("transfer_popup");
  ImGui::SameLine();
  if (ImGui::Button("Conference")) ImGui::OpenPopup("conference_popup");
  ImGui::SameLine();
  if (ImGui::Button("Tags")) ImGui::OpenPopup("tags_popup");
  ImGui::SameLine();
  if (ImGui::Button("Remind")) ImGui::OpenPopup("remind_popup");
  draw_close_popup(ui, engine, viewer, conversation, clock);
  draw_transfer_popup(engine, viewer, conversation, clock);
  draw_conference_popup(engine, viewer, conversation, clock);
  draw_tags_popup(ui, engine, viewer, conversation, clock);
  draw_remind_popup(ui, engine, viewer, conversation, clock);
}

}  // namespace inbox::ui
