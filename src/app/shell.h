// The three-column inbox: sections | conversation list | chat. Immediate mode over the engine's state:
// it reads `const State&`, dispatches commands through the engine, and keeps only transient UI state
// (selection, text being typed, cached search results) in ShellState.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/chat_actions.h"
#include "app/contact_panel.h"
#include "app/demo_panel.h"
#include "app/explanation_view.h"
#include "app/i18n.h"
#include "app/list_filters.h"
#include "app/notifications.h"
#include "app/offer_popup.h"
#include "app/settings_view.h"
#include "app/shortcuts.h"
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
  std::string sign_in_filter;  // typed into the sign-in picker
  Section section = Section::mine;
  ConversationStatus tab = ConversationStatus::open;
  bool tab_requested = false;  // `tab` was set by the code: the tab bar follows it
  Language drawn_language = Language::en;  // of the last frame: tab ids are their labels, a switch re-requests `tab`
  SortOrder order = SortOrder::newest_first;
  std::string search;
  SearchCache search_cache;
  ListFilters filters;                          // channel, team, tag
  FilteredList filtered;                        // the section and tab with the filters applied
  std::vector<ConversationId> filtered_search;  // this frame's search results with the filters applied
  ConversationId selected;
  int selected_row = -1;  // its position in the list as last drawn (-1: not drawn): where Alt+Down goes on from
  ShortcutsState shortcuts;
  ShortcutRequests keys;  // this frame's
  std::string compose;
  bool compose_note = false;     // the compose box writes an internal note instead of a reply
  bool refocus_compose = false;  // keep typing after Enter sent the message
  ChatActionsState actions;
  ContactPanelState contact;
  TemplatePickerState templates;       // the compose box's template picker (window closed)
  NotificationsState notifications;   // due reminders of the signed-in owner
  OfferPopupState offers;             // conversations offered to the signed-in agent
  SettingsState settings;             // the settings screen, in place of columns 2 and 3 while open
  ExplanationState explanation;       // the chat header's "Why this agent?" popup
  Toasts toasts;
  DemoControls demo;                  // the offline demo's simulator and reset
};

// Draws one frame filling the display. Returns the time at which the UI needs a frame even without input
// (a toast expiring, a countdown ticking), or 0 when it can sleep until the next input.
int64_t draw_shell(ShellState& ui, sync::Engine& engine, const LocalClock& clock);

// Opens a conversation in a section and status tab (the list's tab bar follows from the next frame).
void show_conversation(ShellState& ui, Section section, ConversationStatus tab, ConversationId id);

// The user a fresh demo signs in as: the first agent with open conversations of their own.
UserId default_viewer(const State& state);

}  // namespace inbox::ui
