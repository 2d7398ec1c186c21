#include "app/settings_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/i18n.h"
#include "app/labels.h"
#include "app/team_combo.h"
#include "app/test_locator.h"
#include "core/permissions.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

constexpr int64_t kSecondMs = 1000;
constexpr int64_t kMinuteMs = 60 * kSecondMs;
constexpr int64_t kTypedMax = 1'000'000'000'000;  // a typed number beyond any valid setting, kept from overflowing

constexpr Role kRoles[] = {Role::administrator, Role::supervisor, Role::operator_, Role::agent};
constexpr AssignmentStrategy kStrategies[] = {AssignmentStrategy::least_busy, AssignmentStrategy::round_robin,
                                              AssignmentStrategy::default_user};

struct Screen {
  SettingsState& ui;
  sync::Engine& engine;
  UserId viewer;
  const LocalClock& clock;
  const State& state;

  void submit(CommandBody body) const { engine.submit(Command{viewer, std::move(body)}, clock.now_ms); }
};

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Adds or removes item; the rest keep their order.
template <class T>
std::vector<T> toggled(std::vector<T> items, const T& item, bool present) {
  items.erase(std::remove(items.begin(), items.end(), item), items.end());
  if (present) items.push_back(item);
  return items;
}

uint32_t to_count(int64_t typed) { return static_cast<uint32_t>(std::clamp<int64_t>(typed, 0, UINT32_MAX)); }

// A number field and its Save button. The field shows the state's value (in the field's unit) until the
// user types; Save is enabled once the typed value differs, and returns it.
std::optional<int64_t> number_field(SettingsState& ui, const char* label, const std::string& id, int64_t current) {
  DraftNumber& draft = ui.drafts[id];
  if (!draft.loaded || draft.base != current) draft = DraftNumber{current, current, true};
  const float em = ImGui::GetFontSize();
  if (label != nullptr) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(std::max(24 * em, ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + em));
  }
  ImGui::SetNextItemWidth(6 * em);
  ImGui::InputScalar(("##" + id).c_str(), ImGuiDataType_S64, &draft.value, nullptr, nullptr, "%lld",
                     ImGuiInputTextFlags_CharsDecimal);
  draft.value = std::clamp(draft.value, -kTypedMax, kTypedMax);
  ImGui::SameLine();
  ImGui::BeginDisabled(draft.value == current);
  const bool save = ImGui::Button(with_id(tr("Save"), id).c_str());
  ImGui::EndDisabled();
  if (save) return draft.value;
  return std::nullopt;
}

// --- General ------------------------------------------------------------------------------------------

// A workspace switch: the checkbox submits the settings with that one field flipped.
void setting_checkbox(const Screen& s, const char* label, bool Settings::*field) {
  bool value = s.state.settings.*field;
  if (ImGui::Checkbox(label, &value)) {
    Settings next = s.state.settings;
    next.*field = value;
    s.submit(UpdateSettings{next});
  }
}

void draw_general(const Screen& s) {
  const Settings& current = s.state.settings;
  setting_checkbox(s, tr("Automatic assignment"), &Settings::automatic_assignment);
  ImGui::TextDisabled("%s", tr("On: waiting conversations go to agents by each team's strategy. Off: they wait in Unassigned."));
  ImGui::Spacing();
  setting_checkbox(s, tr("A closing reason is required to close"), &Settings::closing_reason_required);
  ImGui::Spacing();
  if (auto minutes = number_field(s.ui, tr("Close inactive conversations after (minutes, 0: never)"),
                                  "inactivity_minutes", current.inactivity_close_after_ms / kMinuteMs)) {
    Settings next = current;
    next.inactivity_close_after_ms = *minutes * kMinuteMs;
    s.submit(UpdateSettings{next});
  }
  ImGui::TextDisabled("%s", tr("Counted from the last message either way; conversations with a reminder are never closed."));
  ImGui::Spacing();
  setting_checkbox(s, tr("Agents see the Teammates section (read only)"), &Settings::teammates_shared);
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("Default team"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (auto team = team_combo(s.state, "default_team", current.default_team)) {
    Settings next = current;
    next.default_team = *team;
    s.submit(UpdateSettings{next});
  }
  ImGui::TextDisabled("%s", tr("Chats whose channel has no team wait in this team's queue, the ones waiting now included."));
}

// --- Teams --------------------------------------------------------------------------------------------

void draw_channel_teams(const Screen& s) {
  ImGui::TextUnformatted(tr("Channels"));
  ImGui::TextDisabled("%s", tr("Each channel's new conversations go to a team; with none, to the default team."));
  const float em = ImGui::GetFontSize();
  for (uint32_t i = 0; i < s.state.channels.size(); ++i) {
    const Channel& channel = s.state.channels[i];
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s · %s", channel.name.c_str(), channel_label(channel.kind));
    ImGui::SameLine(16 * em);
    ImGui::SetNextItemWidth(12 * em);
    if (auto team = team_combo(s.state, "channel_team" + std::to_string(i), channel.team)) {
      s.submit(SetChannelTeam{ChannelId(i), *team});
    }
  }
}

void draw_team_picker(const Screen& s) {
  const float em = ImGui::GetFontSize();
  if (!s.state.teams.empty()) {
    ImGui::SetNextItemWidth(14 * em);
    const bool open = ImGui::BeginCombo("##settings_team", s.state.teams[s.ui.team.index()].name.c_str());
    locator_label_last_item("##settings_team");
    if (open) {
      for (uint32_t t = 0; t < s.state.teams.size(); ++t) {
        if (s.state.teams[t].deleted) continue;
        if (ImGui::Selectable((s.state.teams[t].name + "##pick_team" + std::to_string(t)).c_str(), s.ui.team == TeamId(t))) {
          s.ui.team = TeamId(t);
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(12 * em);
  ImGui::InputTextWithHint("##new_team", tr("New team name"), &s.ui.new_team);
  ImGui::SameLine();
  if (ImGui::Button(tr("Create team"))) {
    s.ui.team = TeamId(static_cast<uint32_t>(s.state.teams.size()));  // shown once created; refused: back to the first
    s.submit(CreateTeam{s.ui.new_team});
    s.ui.new_team.clear();
  }
}

void draw_team_rename_and_delete(const Screen& s, const Team& team) {
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(12 * em);
  ImGui::InputTextWithHint("##rename_team", team.name.c_str(), &s.ui.rename_team);
  ImGui::SameLine();
  if (ImGui::Button(tr("Rename"))) {
    s.submit(UpdateTeam{s.ui.team, s.ui.rename_team});
    s.ui.rename_team.clear();
  }
  ImGui::SameLine();
  // Its open chats go to the default team (the core refuses deleting the default team itself).
  if (ImGui::Button(tr("Delete team"))) s.submit(DeleteTeam{s.ui.team});
}

void draw_routing(const Screen& s, const Team& team) {
  const TeamId id = s.ui.team;
  const std::string t = std::to_string(id.value);
  const TeamRouting& current = team.routing;
  auto set = [&](TeamRouting next) { s.submit(SetTeamRouting{id, std::move(next)}); };

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("Strategy"));
  for (const AssignmentStrategy strategy : kStrategies) {
    ImGui::SameLine();
    if (ImGui::RadioButton(with_id(strategy_label(strategy), "strategy").c_str(), current.strategy == strategy) &&
        current.strategy != strategy) {
      TeamRouting next = current;
      next.strategy = strategy;
      if (strategy == AssignmentStrategy::default_user) {
        if (!contains(team.members, next.default_user) && !team.members.empty()) next.default_user = team.members[0];
        next.reply_timeout_ms = 0;  // the reply timer is for the other strategies
      }
      set(next);
    }
  }
  switch (current.strategy) {
    case AssignmentStrategy::round_robin:
      ImGui::TextDisabled("%s", tr("Members in turn, in the team's order, passing over those who cannot take a chat."));
      break;
    case AssignmentStrategy::default_user:
      ImGui::TextDisabled("%s", tr("Always the default user; while they cannot take a chat, it waits for them."));
      break;
    case AssignmentStrategy::least_busy:
      ImGui::TextDisabled("%s", tr("The member with the fewest active chats; ties to whoever waited longest."));
      break;
  }
  if (current.strategy == AssignmentStrategy::default_user) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Default user"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const User* user = find_user(s.state, current.default_user);
    const bool open = ImGui::BeginCombo("##default_user", user != nullptr ? user->name.c_str() : "");
    locator_label_last_item("##default_user");
    if (open) {
      for (const UserId member : team.members) {
        const std::string label = s.state.users[member.index()].name + "##default_user" + std::to_string(member.value);
        if (ImGui::Selectable(label.c_str(), member == current.default_user) && member != current.default_user) {
          TeamRouting next = current;
          next.default_user = member;
          set(next);
        }
      }
      ImGui::EndCombo();
    }
  }
  ImGui::Spacing();
  if (auto seconds = number_field(s.ui, tr("Offer timeout (seconds, 0: assign at once)"), "offer_seconds" + t,
                                  current.offer_timeout_ms / kSecondMs)) {
    TeamRouting next = current;
    next.offer_timeout_ms = *seconds * kSecondMs;
    set(next);
  }
  if (current.strategy != AssignmentStrategy::default_user) {
    if (auto minutes = number_field(s.ui, tr("Reassign without a reply within (minutes, 0: off)"), "reply_minutes" + t,
                                    current.reply_timeout_ms / kMinuteMs)) {
      TeamRouting next = current;
      next.reply_timeout_ms = *minutes * kMinuteMs;
      set(next);
    }
    if (auto count = number_field(s.ui, tr("Reassignments before escalating to supervisors"), "reassign_max" + t,
                                  current.reassign_max)) {
      TeamRouting next = current;
      next.reassign_max = to_count(*count);
      set(next);
    }
  }
  if (auto count = number_field(s.ui, tr("Chats per agent at once (0: no limit)"), "team_capacity" + t, current.capacity_max)) {
    TeamRouting next = current;
    next.capacity_max = to_count(*count);
    set(next);
  }
}

void draw_members(const Screen& s, const Team& team) {
  ImGui::TextUnformatted(tr("Members"));
  ImGui::TextDisabled("%s", tr("Round robin walks them in the order they were added. Own capacity 0: the team's."));
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("team_members", 4, kFlags)) return;
  ImGui::TableSetupColumn(tr("Member"));
  ImGui::TableSetupColumn(tr("Role"));
  ImGui::TableSetupColumn(tr("Status"));
  ImGui::TableSetupColumn(tr("Own capacity"));
  ImGui::TableHeadersRow();
  for (uint32_t i = 0; i < s.state.users.size(); ++i) {
    const User& user = s.state.users[i];
    const UserId id(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool member = contains(team.members, id);
    if (ImGui::Checkbox((user.name + "##member" + std::to_string(i)).c_str(), &member)) {
      s.submit(SetTeamMembers{s.ui.team, toggled(team.members, id, member)});
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", role_label(user.role));
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", status_label(user.status));
    ImGui::TableNextColumn();
    if (!contains(team.members, id)) continue;
    if (auto count = number_field(s.ui, nullptr, "user_capacity" + std::to_string(i), user.capacity_max)) {
      s.submit(SetUserCapacity{id, to_count(*count)});
    }
  }
  ImGui::EndTable();
}

void draw_teams(const Screen& s) {
  draw_channel_teams(s);
  ImGui::Separator();
  ImGui::TextUnformatted(tr("Teams"));
  // The one shown was deleted (or never created): the first team still there.
  for (uint32_t t = 0; find_team(s.state, s.ui.team) == nullptr && t < s.state.teams.size(); ++t) s.ui.team = TeamId(t);
  draw_team_picker(s);
  const Team* team = find_team(s.state, s.ui.team);
  if (team == nullptr) {
    ImGui::TextDisabled("%s", tr("No teams yet."));
    return;
  }
  draw_team_rename_and_delete(s, *team);
  ImGui::Spacing();
  draw_routing(s, *team);
  ImGui::Spacing();
  draw_members(s, *team);
}

// --- Exclusions ---------------------------------------------------------------------------------------

void draw_exclusions(const Screen& s) {
  const AssignmentSettings& current = s.state.assignment;
  auto set = [&](AssignmentSettings next) { s.submit(UpdateAssignmentSettings{std::move(next)}); };
  ImGui::TextUnformatted(tr("Roles automatic assignment passes over"));
  for (const Role role : kRoles) {
    bool excluded = contains(current.excluded_roles, role);
    if (ImGui::Checkbox(with_id(role_label(role), "exclude_role").c_str(), &excluded)) {
      AssignmentSettings next = current;
      next.excluded_roles = toggled(current.excluded_roles, role, excluded);
      set(next);
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("Users automatic assignment passes over"));
  const float rows = static_cast<float>(std::min<size_t>(s.state.users.size(), 12));
  ImGui::BeginChild("excluded_users", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * rows + ImGui::GetStyle().WindowPadding.y * 2),
                    ImGuiChildFlags_Border);
  for (uint32_t i = 0; i < s.state.users.size(); ++i) {
    const User& user = s.state.users[i];
    bool excluded = contains(current.excluded_users, UserId(i));
    const std::string label = user.name + " · " + role_label(user.role) + "##exclude_user" + std::to_string(i);
    if (ImGui::Checkbox(label.c_str(), &excluded)) {
      AssignmentSettings next = current;
      next.excluded_users = toggled(current.excluded_users, UserId(i), excluded);
      set(next);
    }
  }
  ImGui::EndChild();
  ImGui::Spacing();
  if (auto minutes = number_field(s.ui, tr("Still assignable after disconnecting for (minutes)"), "disconnect_grace_minutes",
                                  current.disconnect_grace_ms / kMinuteMs)) {
    AssignmentSettings next = current;
    next.disconnect_grace_ms = *minutes * kMinuteMs;
    set(next);
  }
  if (auto minutes = number_field(s.ui, tr("Return a disconnected agent's chats after (minutes, 0: never)"),
                                  "return_chats_minutes", current.return_chats_after_ms / kMinuteMs)) {
    AssignmentSettings next = current;
    next.return_chats_after_ms = *minutes * kMinuteMs;
    set(next);
  }
}

// --- Closing reasons ----------------------------------------------------------------------------------

void draw_closing_reasons(const Screen& s) {
  ImGui::TextDisabled("%s", tr("Agents pick one of these when they close a conversation."));
  for (const ClosingReason& reason : s.state.closing_reasons) ImGui::BulletText("%s", reason.name.c_str());
  if (s.state.closing_reasons.empty()) ImGui::TextDisabled("%s", tr("No closing reasons yet."));
  ImGui::Spacing();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  const bool entered = ImGui::InputTextWithHint("##new_reason", tr("New closing reason"), &s.ui.new_reason,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button(tr("Add reason")) || entered) {
    s.submit(CreateClosingReason{s.ui.new_reason});
    s.ui.new_reason.clear();
  }
}

}  // namespace

void open_settings(SettingsState& ui, const State& state, UserId viewer, Toasts& toasts, int64_t now_ms) {
  if (std::optional<Error> refusal = settings_refusal(state, viewer)) {
    push_toast(toasts, std::move(refusal->message), now_ms);
    ui.open = false;
    return;
  }
  ui.open = true;
}

void draw_settings(SettingsState& ui, sync::Engine& engine, UserId viewer, const LocalClock& clock) {
  const State& state = engine.state();
  if (settings_refusal(state, viewer).has_value()) {
    ui.open = false;
    return;
  }
  const Screen screen{ui, engine, viewer, clock, state};
  ImGui::TextUnformatted(tr("Settings"));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", state.settings.name.c_str());
  const char* back = tr("Back to the inbox");
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(back).x -
                                                        ImGui::GetStyle().FramePadding.x * 2));
  if (ImGui::Button(back)) ui.open = false;
  if (!ImGui::BeginTabBar("settings_tabs")) return;
  struct Tab {
    const char* label;
    void (*draw)(const Screen&);
  };
  const Tab tabs[] = {{N_("General"), draw_general},
                      {N_("Teams"), draw_teams},
                      {N_("Exclusions"), draw_exclusions},
                      {N_("Closing reasons"), draw_closing_reasons}};
  for (const Tab& tab : tabs) {
    if (!ImGui::BeginTabItem(tr(tab.label))) continue;
    ImGui::BeginChild("settings_tab");
    tab.draw(screen);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace inbox::ui
