// The three-column inbox: sections | conversation list | chat. Immediate mode over the engine's state:
// it reads `const State&`, dispatches commands through the engine, and keeps only transient UI state
// (selection, text being typed, cached search results) in ShellState.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/chat_actions.h"
#include "app/contact_panel.h"
#include "app/explanation_view.h"
#include "app/notifications.h"
#include "app/settings_view.h"
#include "app/template_picker.h"
#include "app/time_format.h"
#include "app/toasts.h"
#include "core/ids.h"
#include "core/model.h"
#include "core/views.h"
#include "sync/engine.h"

namespace inbox::ui {

struct SearchCache {
  std::string text;
  uint64_t revision = 0;
  UserId viewer;
  std::vector<ConversationId> results;
};

struct ShellState {
  UserId viewer;  // the signed-in user
  Section section = Section::mine;
  ConversationStatus tab = ConversationStatus::open;
  SortOrder order = SortOrder::newest_first;
  std::string search;
  SearchCache search_cache;
  ConversationId selected;
  std::string compose;
  bool compose_note = false;     // the compose box writes an internal note instead of a reply
  bool refocus_compose = false;  // keep typing after Enter sent the message
  ChatActionsState actions;
  ContactPanelState contact;
  TemplatePickerState templates;       // the compose box's template picker (window closed)
  NotificationsState notifications;   // due reminders of the signed-in owner
  SettingsState settings;             // the settings screen, in place of columns 2 and 3 while open
  ExplanationState explanation;       // the chat header's "Why this agent?" popup
  Toasts toasts;
  bool demo_reset_requested = false;  // the platform starts the demo afresh and clears it
};

// Draws one frame filling the display. Returns the time at which the UI needs a frame even without input
// (a toast expiring, a countdown ticking), or 0 when it can sleep until the next input.
int64_t draw_shell(ShellState& ui, sync::Engine& engine, const LocalClock& clock);

// The user a fresh demo signs in as: the first agent with open conversations of their own.
UserId default_viewer(const State& state);

}  // namespace inbox::ui
