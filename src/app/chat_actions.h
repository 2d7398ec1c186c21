// The chat header's actions on the open conversation: close with a closing reason picked from a searchable
// list, transfer to a team or an agent (a list read when it opens, with each agent's status and active
// chats, and Refresh), conference (invite, join, leave, end), tags (add or replace), and reminders (presets
// or a custom date and time in the viewer's zone). Each is a popup; what it submits goes through the engine
// like every other command.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/time_format.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

// One agent as the transfer or invite list showed them when it was last read.
struct AgentRow {
  UserId user;
  std::string name;
  UserStatus status = UserStatus::unavailable;
  uint32_t active_chats = 0;  // Open, Pending or Scheduled with them
};

struct AgentList {
  std::vector<AgentRow> agents;
  int64_t read_at_ms = 0;
  uint64_t read_revision = 0;  // the engine's revision it was read at: newer means Refresh shows changes
};

struct ChatActionsState {
  std::string reason_search;
  ClosingReasonId reason;
  std::string tags_text;  // comma-separated
  bool remind_postpone = true;  // "postpone contact until reminder", on by default
  LocalDateTime remind_custom;  // the custom date and time being picked, in the viewer's zone
  AgentList transfer;  // read when its popup opens (and on Refresh)
  AgentList invite;    // the conference's invite list, read when the popup opens
  std::string agent_search;  // the transfer or invite list's search (one popup is open at a time)
  const char* open_popup = nullptr;  // a popup asked for from elsewhere (the list's row menu), opened next draw
};

// Reads the agents the transfer and invite lists offer (everyone but the viewer), with status and active chats.
AgentList read_agent_list(const State& state, UserId viewer, int64_t now_ms, uint64_t revision);

void draw_chat_actions(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId conversation,
                       const LocalClock& clock);

}  // namespace inbox::ui
