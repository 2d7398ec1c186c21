// Picking a team: the combo Settings uses for channels and the default team, and the campaign form for
// where replies go. Plain ImGui; the locator sees it as "##<id>".
#pragma once
#include <optional>
#include <string>

#include "core/ids.h"
#include "core/state.h"

namespace inbox::ui {

// "<text>##<id>": a visible label with an ImGui id of its own (the same text twice on one screen).
std::string with_id(const char* text, const std::string& id);

// A combo of the workspace's teams (and "No team"), labelled "##<id>" for the locator, its rows
// "<team>##<id>_team<n>"; the team picked, if any.
std::optional<TeamId> team_combo(const State& state, const std::string& id, TeamId current);

}  // namespace inbox::ui
