#include "app/agent_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "app/i18n.h"
#include "app/labels.h"
#include "app/test_locator.h"
#include "core/state.h"
#include "core/text.h"
#include "core/views.h"

namespace inbox::ui {
namespace {

// What an agent may set themselves to (RONA is the system's).
constexpr UserStatus kChoices[] = {UserStatus::available, UserStatus::idle, UserStatus::unavailable};

// Conversations the user holds that are not closed.
uint32_t active_chats(const State& state, UserId user) {
  const SectionCounts counts = section_counts(state, user, Section::mine);
  return counts.by_status[static_cast<size_t>(ConversationStatus::open)] +
         counts.by_status[static_cast<size_t>(ConversationStatus::pending)] +
         counts.by_status[static_cast<size_t>(ConversationStatus::scheduled)];
}

}  // namespace

std::vector<TeamRow> team_rows(const State& state) {
  std::vector<TeamRow> rows;
  for (uint32_t i = 0; i < state.users.size(); ++i) {
    const User& user = state.users[i];
    if (user.role == Role::administrator) continue;
    rows.push_back({UserId(i), user.status, active_chats(state, UserId(i))});
  }
  return rows;
}

UserId draw_sign_in_picker(const State& state, UserId viewer, std::string& filter) {
  const User* current = find_user(state, viewer);
  const std::string preview = current != nullptr ? current->name + " · " + role_label(current->role) : tr("Sign in as…");
  ImGui::SetNextItemWidth(-1);
  const bool open = ImGui::BeginCombo("##sign_in_as", preview.c_str(), ImGuiComboFlags_HeightLarge);
  locator_label_last_item("##sign_in_as");
  if (open) {
    if (ImGui::IsWindowAppearing()) {
      filter.clear();
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##sign_in_filter", tr("Find a user"), &filter);
    const std::string folded = fold_for_search(filter);
    for (uint32_t i = 0; i < state.users.size(); ++i) {
      const User& user = state.users[i];
      const std::string name = user.name + " · " + role_label(user.role);
      if (!folded.empty() && fold_for_search(name).find(folded) == std::string::npos) continue;
      const std::string label = name + "##user" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), viewer == UserId(i))) viewer = UserId(i);
    }
    ImGui::EndCombo();
  }
  return viewer;
}

void draw_agent_status(sync::Engine& engine, UserId viewer, const LocalClock& clock) {
  const User* user = find_user(engine.state(), viewer);
  if (user == nullptr) return;
  if (user->status == UserStatus::rona) {
    ImGui::TextColored(ImVec4(0.75f, 0.16f, 0.16f, 1), "%s", tr("RONA: an offer went unanswered"));
    if (ImGui::Button(tr("Become available"))) {
      engine.submit(Command{viewer, SetUserStatus{viewer, UserStatus::available}}, clock.now_ms);
    }
    return;
  }
  ImGui::SetNextItemWidth(-1);
  const bool open = ImGui::BeginCombo("##status", status_label(user->status));
  locator_label_last_item("##status");
  if (open) {
    for (const UserStatus choice : kChoices) {
      if (ImGui::Selectable(status_label(choice), user->status == choice) && user->status != choice) {
        engine.submit(Command{viewer, SetUserStatus{viewer, choice}}, clock.now_ms);
      }
    }
    ImGui::EndCombo();
  }
}

void draw_team_view(const State& state, UserId viewer) {
  const User* user = find_user(state, viewer);
  if (user == nullptr || !(user->role == Role::supervisor || user->role == Role::administrator)) return;
  if (!ImGui::CollapsingHeader(tr("Team"))) return;
  if (!ImGui::BeginTable("team_view", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(tr("Agent"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn(tr("Status"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("Chats"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableHeadersRow();
  for (const TeamRow& row : team_rows(state)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(state.users[row.user.index()].name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", status_label(row.status));
    ImGui::TableNextColumn();
    ImGui::Text("%u", row.active_chats);
  }
  ImGui::EndTable();
}

}  // namespace inbox::ui
