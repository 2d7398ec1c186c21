// Column 1's people parts: who is signed in (the demo's "sign in as" picker), their status (available,
// idle, unavailable; RONA with the way back to available), and for supervisors the team view: every
// agent's status and active chats.
#pragma once
#include <string>
#include <vector>

#include "app/time_format.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

// Returns the viewer after the picker (the demo lets anyone sign in as any seeded user).
UserId draw_sign_in_picker(const State& state, UserId viewer, std::string& filter);

void draw_agent_status(sync::Engine& engine, UserId viewer, const LocalClock& clock);

struct TeamRow {
  UserId user;
  UserStatus status = UserStatus::unavailable;
  uint32_t active_chats = 0;  // assigned and not closed
};

// Everyone who answers conversations, in workspace order.
std::vector<TeamRow> team_rows(const State& state);

// Supervisor and Administrator only; nothing for other roles.
void draw_team_view(const State& state, UserId viewer);

}  // namespace inbox::ui
