#include "app/chat_actions.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "app/date_time_input.h"
#include "app/i18n.h"
#include "app/labels.h"
#include "app/tags_text.h"
#include "app/theme.h"
#include "core/channel_rules.h"
#include "core/state.h"
#include "core/text.h"
#include "core/views.h"

namespace inbox::ui {
namespace {


void submit(sync::Engine& engine, UserId viewer, const LocalClock& clock, CommandBody body) {
  engine.submit(Command{viewer, std::move(body)}, clock.now_ms);
}

// A workspace has more agents than fit on a screen: a search field over a list of bounded height, each row
// with the agent's status and active chats. Labels are "<name>##<id_prefix><user id>". Returns the one picked.
// available_only: the others are shown greyed out and cannot be picked (a request reaches only available agents).
UserId draw_agent_picker(const char* id_prefix, std::string& query, const std::vector<AgentRow>& agents,
                         UserId leave_out, bool available_only) {
  const float width = ImGui::GetFontSize() * 24;
  ImGui::SetNextItemWidth(width);
  if (ImGui::IsWindowAppearing()) {
    query.clear();
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::InputTextWithHint((std::string("##") + id_prefix + "_search").c_str(), tr("Search agents"), &query);
  const std::string folded = fold_for_search(query);
  UserId picked;
  const float height = ImGui::GetTextLineHeightWithSpacing() * 10;
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter;
  if (!ImGui::BeginTable((std::string(id_prefix) + "_agents").c_str(), 3, flags, ImVec2(width, height))) return picked;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
  for (const AgentRow& row : agents) {
    if (row.user == leave_out) continue;
    if (!folded.empty() && fold_for_search(row.name).find(folded) == std::string::npos) continue;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const std::string label = row.name + "##" + id_prefix + std::to_string(row.user.value);
    const ImGuiSelectableFlags selectable = ImGuiSelectableFlags_SpanAllColumns |
                                            (available_only && row.status != UserStatus::available
                                                 ? ImGuiSelectableFlags_Disabled
                                                 : ImGuiSelectableFlags_None);
    if (ImGui::Selectable(label.c_str(), false, selectable)) picked = row.user;
    ImGui::TableSetColumnIndex(1);
    ImGui::TextDisabled("%s", status_label(row.status));
    ImGui::TableSetColumnIndex(2);
    ImGui::TextDisabled(tr("%u active"), row.active_chats);
  }
  ImGui::EndTable();
  return picked;
}

// The searchable list of closing reasons (closing, and transferring when the workspace requires a reason).
void draw_reason_list(ChatActionsState& ui, const State& state) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("##reason_search", tr("Search reasons"), &ui.reason_search);
  const std::string query = fold_for_search(ui.reason_search);
  ImGui::BeginChild("reasons", ImVec2(ImGui::GetFontSize() * 16, ImGui::GetTextLineHeightWithSpacing() * 8),
                    ImGuiChildFlags_Border);
  for (uint32_t i = 0; i < state.closing_reasons.size(); ++i) {
    const std::string& name = state.closing_reasons[i].name;
    if (!query.empty() && fold_for_search(name).find(query) == std::string::npos) continue;
    if (ImGui::Selectable(name.c_str(), ui.reason == ClosingReasonId(i))) ui.reason = ClosingReasonId(i);
  }
  ImGui::EndChild();
  if (state.settings.closing_reason_required && !ui.reason.valid()) ImGui::TextDisabled("%s", tr("A reason is required."));
}

void draw_close_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("close_popup")) return;
  const State& state = engine.state();
  ImGui::TextUnformatted(tr("Close with a reason"));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  draw_reason_list(ui, state);
  if (ImGui::Button(tr("Close conversation"))) {
    submit(engine, viewer, clock, CloseConversation{id, ui.reason});
    ui.reason = ClosingReasonId();
    ui.reason_search.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_transfer_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id,
                         const LocalClock& clock) {
  if (!ImGui::BeginPopup("transfer_popup")) return;
  const State& state = engine.state();
  // Read once when it opens, so rows do not move under the pointer; Refresh reads the inbox as it is now.
  if (ImGui::IsWindowAppearing()) ui.transfer = read_agent_list(state, viewer, clock.now_ms, engine.revision());
  // A transfer ends this attention: with a reason first when the workspace requires one (the seeds' dialog).
  const bool needs_reason = state.settings.closing_reason_required;
  if (needs_reason) draw_reason_list(ui, state);
  ImGui::BeginDisabled(needs_reason && !ui.reason.valid());
  ImGui::TextDisabled("%s", tr("To a team"));
  for (uint32_t i = 0; i < state.teams.size(); ++i) {
    if (state.teams[i].deleted) continue;
    const std::string label = state.teams[i].name + "##team" + std::to_string(i);
    if (ImGui::Selectable(label.c_str())) {
      submit(engine, viewer, clock, TransferConversation{id, TeamId(i), UserId(), ui.reason});
      ui.reason = ClosingReasonId();
    }
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr("To an agent"));
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("Refresh"))) ui.transfer = read_agent_list(state, viewer, clock.now_ms, engine.revision());
  ImGui::SameLine();
  ImGui::TextDisabled(tr("as of %s"), format_date_time(ui.transfer.read_at_ms, clock).substr(11).c_str());
  if (ui.transfer.read_revision != engine.revision()) {
    ImGui::SameLine();
    ImGui::TextColored(kWarningColor, "%s", tr("(changed since)"));
  }
  ImGui::TextDisabled("%s", tr("The agent is asked to accept; until then the conversation stays here."));
  const UserId picked = draw_agent_picker("transfer", ui.agent_search, ui.transfer.agents, UserId(), true);
  ImGui::EndDisabled();
  if (picked.valid()) {
    submit(engine, viewer, clock, TransferConversation{id, TeamId(), picked, ui.reason});
    ui.reason = ClosingReasonId();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_conference_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("conference_popup")) return;
  const State& state = engine.state();
  const Conversation& c = state.conversations[id.index()];
  const Participant* me = nullptr;
  for (const Participant& p : c.conference) {
    if (p.user == viewer) me = &p;
    const std::string& name = state.users[p.user.index()].name;
    ImGui::BulletText("%s%s", name.c_str(), p.joined ? "" : tr(" (invited)"));
  }
  if (me != nullptr && !me->joined && ImGui::Selectable(tr("Join conference"))) submit(engine, viewer, clock, JoinConference{id});
  if (me != nullptr && me->joined && ImGui::Selectable(tr("Leave conference"))) submit(engine, viewer, clock, LeaveConference{id});
  if (me == nullptr && !c.conference.empty() && ImGui::Selectable(tr("End conference"))) {
    submit(engine, viewer, clock, EndConference{id});
  }
  if (me == nullptr) {
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Invite"));
    if (ImGui::IsWindowAppearing()) ui.invite = read_agent_list(state, viewer, clock.now_ms, engine.revision());
    const UserId picked = draw_agent_picker("invite", ui.agent_search, ui.invite.agents, c.assignee, true);
    if (picked.valid()) {
      submit(engine, viewer, clock, InviteToConference{id, picked});
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

void draw_tags_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("tags_popup")) return;
  const State& state = engine.state();
  const Conversation& c = state.conversations[id.index()];
  std::string current;
  for (TagId tag : c.tags) current += (current.empty() ? "" : ", ") + state.tags[tag.index()].name;
  ImGui::TextDisabled(tr("Tags: %s"), current.empty() ? tr("none") : current.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputTextWithHint("##tags_text", tr("vip, billing"), &ui.tags_text);
  const std::vector<std::string> tags = split_tags(ui.tags_text);
  ImGui::BeginDisabled(tags.empty());
  if (ImGui::Button(tr("Add tags"))) {
    submit(engine, viewer, clock, TagConversation{id, tags, TagMode::add});
    ui.tags_text.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Replace tags"))) {
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
    {ReminderPreset::in_30_minutes, 30 * kMinuteMs, N_("In 30 minutes")},
    {ReminderPreset::in_1_hour, 60 * kMinuteMs, N_("In 1 hour")},
    {ReminderPreset::in_4_hours, 4 * 60 * kMinuteMs, N_("In 4 hours")},
    {ReminderPreset::in_24_hours, 24 * 60 * kMinuteMs, N_("In 24 hours")},
    {ReminderPreset::in_31_hours, 31 * 60 * kMinuteMs, N_("In 31 hours")},
};

// Warn before the agent picks: after the window closes only templates can reach the customer.
void draw_window_warning(const State& state, const Conversation& c, int64_t due_at) {
  if (!templates_only(state, c, due_at)) return;
  ImGui::SameLine();
  ImGui::TextColored(kWarningColor, "%s", tr("window closed by then: templates only"));
}

// A date and time in the viewer's zone, converted to UTC for the core (which refuses a time that has passed).
void draw_custom_reminder(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id,
                          const LocalClock& clock) {
  const Conversation& c = engine.state().conversations[id.index()];
  if (ImGui::IsWindowAppearing()) ui.remind_custom = to_local(clock.now_ms + 60 * kMinuteMs, clock);
  const std::optional<int64_t> due_at = draw_date_time_input(tr("Custom date and time"), "remind", ui.remind_custom, clock);
  ImGui::BeginDisabled(!due_at.has_value());
  if (ImGui::Button(tr("Set reminder"))) {
    submit(engine, viewer, clock, SetReminder{id, ReminderPreset::custom, *due_at, ui.remind_postpone});
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  if (due_at) draw_window_warning(engine.state(), c, *due_at);
}

void draw_remind_popup(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopup("remind_popup")) return;
  const State& state = engine.state();
  const Conversation& c = state.conversations[id.index()];
  if (c.reminder_at != kNever) {
    ImGui::TextDisabled(tr("Reminder set for %s"), format_date_time(c.reminder_at, clock).c_str());
    if (ImGui::Selectable(tr("Cancel reminder"))) submit(engine, viewer, clock, CancelReminder{id});
    ImGui::Separator();
  }
  ImGui::Checkbox(tr("Postpone contact until reminder"), &ui.remind_postpone);
  for (const ReminderChoice& choice : kReminderChoices) {
    if (ImGui::Selectable(tr(choice.label))) {
      submit(engine, viewer, clock, SetReminder{id, choice.preset, 0, ui.remind_postpone});
    }
    draw_window_warning(state, c, clock.now_ms + choice.in_ms);
  }
  ImGui::Separator();
  draw_custom_reminder(ui, engine, viewer, id, clock);
  ImGui::EndPopup();
}

}  // namespace

AgentList read_agent_list(const State& state, UserId viewer, int64_t now_ms, uint64_t revision) {
  AgentList list;
  list.read_at_ms = now_ms;
  list.read_revision = revision;
  for (uint32_t i = 0; i < state.users.size(); ++i) {
    const UserId agent(i);
    if (agent == viewer) continue;
    const User& user = state.users[i];
    const SectionCounts counts = section_counts(state, agent, Section::mine);
    uint32_t active = 0;
    for (ConversationStatus status : {ConversationStatus::open, ConversationStatus::pending, ConversationStatus::scheduled}) {
      active += counts.by_status[static_cast<size_t>(status)];
    }
    list.agents.push_back(AgentRow{agent, user.name, user.status, active});
  }
  return list;
}

void draw_chat_actions(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId conversation,
                       const LocalClock& clock) {
  const Conversation* c = find_conversation(engine.state(), conversation);
  if (c == nullptr || c->status == ConversationStatus::closed) return;
  if (ImGui::Button(tr("Close"))) ImGui::OpenPopup("close_popup");
  ImGui::SameLine();
  if (ImGui::Button(tr("Transfer"))) ImGui::OpenPopup("transfer_popup");
  ImGui::SameLine();
  if (ImGui::Button(tr("Conference"))) ImGui::OpenPopup("conference_popup");
  ImGui::SameLine();
  if (ImGui::Button(tr("Tags"))) ImGui::OpenPopup("tags_popup");
  ImGui::SameLine();
  if (ImGui::Button(tr("Remind"))) ImGui::OpenPopup("remind_popup");
  if (ui.open_popup != nullptr) {
    ImGui::OpenPopup(ui.open_popup);
    ui.open_popup = nullptr;
  }
  draw_close_popup(ui, engine, viewer, conversation, clock);
  draw_transfer_popup(ui, engine, viewer, conversation, clock);
  draw_conference_popup(ui, engine, viewer, conversation, clock);
  draw_tags_popup(ui, engine, viewer, conversation, clock);
  draw_remind_popup(ui, engine, viewer, conversation, clock);
}

}  // namespace inbox::ui
