// The chat header's actions on the open conversation: close with a closing reason picked from a searchable
// list, transfer to a team or an agent, conference (invite, join, leave, end), and tags (add or replace).
// Each is a popup; what it submits goes through the engine like every other command.
#pragma once
#include <string>

#include "app/time_format.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

struct ChatActionsState {
  std::string reason_search;
  ClosingReasonId reason;
  std::string tags_text;  // comma-separated
  bool remind_postpone = true;  // "postpone contact until reminder", on by default
};

void draw_chat_actions(ChatActionsState& ui, sync::Engine& engine, UserId viewer, ConversationId conversation,
                       const LocalClock& clock);

}  // namespace inbox::ui
