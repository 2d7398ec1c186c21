#include "app/team_combo.h"

#include <imgui.h>

#include "app/i18n.h"
#include "app/test_locator.h"

namespace inbox::ui {

std::string with_id(const char* text, const std::string& id) { return std::string(text) + "##" + id; }

std::optional<TeamId> team_combo(const State& state, const std::string& id, TeamId current) {
  const Team* team = find_team(state, current);
  const std::string label = "##" + id;
  const bool open = ImGui::BeginCombo(label.c_str(), team != nullptr ? team->name.c_str() : tr("No team"));
  locator_label_last_item(label.c_str());
  if (!open) return std::nullopt;
  std::optional<TeamId> picked;
  if (ImGui::Selectable(with_id(tr("No team"), id + "_none").c_str(), !current.valid()) && current.valid()) {
    picked = TeamId();
  }
  for (uint32_t t = 0; t < state.teams.size(); ++t) {
    if (state.teams[t].deleted) continue;
    const bool chosen = current == TeamId(t);
    if (ImGui::Selectable(with_id(state.teams[t].name.c_str(), id + "_team" + std::to_string(t)).c_str(), chosen) &&
        !chosen) {
      picked = TeamId(t);
    }
  }
  ImGui::EndCombo();
  return picked;
}

}  // namespace inbox::ui
