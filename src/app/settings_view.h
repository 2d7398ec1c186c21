// The workspace settings (Administrator and Supervisor), drawn in place of columns 2 and 3. Tabs: General
// (automatic assignment, closing reason required, inactivity period), Teams (which team each channel feeds;
// a team's members, strategy, default user, offer and reply timers, reassignments, capacity; each member's
// own capacity; new teams), Exclusions (roles and users the engine passes over, disconnect periods) and
// Closing reasons. Opening asks the core (settings_refusal); every change is a command through the engine,
// so the core decides and a refusal comes back as a toast.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>

#include "app/time_format.h"
#include "app/toasts.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

// A number being typed: starts at the state's value and follows it while the state changes under it.
struct DraftNumber {
  int64_t value = 0;
  int64_t base = 0;  // the state's value the draft started from
  bool loaded = false;
};

struct SettingsState {
  bool open = false;
  TeamId team;  // the team the Teams tab edits (none: the first)
  std::string new_team;
  std::string rename_team;  // the selected team's new name being typed
  std::string new_reason;
  std::unordered_map<std::string, DraftNumber> drafts;  // by field id ("offer_seconds0", "user_capacity3")
};

// The Settings entry of column 1: opens the screen when the core allows the viewer, else shows the core's
// refusal as a toast and leaves everything as it was.
void open_settings(SettingsState& ui, const State& state, UserId viewer, Toasts& toasts, int64_t now_ms);

// Draws the screen into the current region; closes it when the viewer may no longer see it (signed in as
// someone else) or presses "Back to the inbox".
void draw_settings(SettingsState& ui, sync::Engine& engine, UserId viewer, const LocalClock& clock);

}  // namespace inbox::ui
