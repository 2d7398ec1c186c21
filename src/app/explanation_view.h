// Why a conversation went to whom: the chat header's "Why this agent?" (Administrator and Supervisor) opens
// the conversation's assignment explanation log, oldest first: when the engine decided, by which strategy and
// trigger, who got it (assigned or offered), the candidates with their load and idle time, and who was
// passed over and why. The core keeps the log (assignment_history); this only words and draws it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/time_format.h"
#include "core/assignment.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

struct ExplanationState {
  std::vector<LoggedExplanation> shown;  // read when the popup opens, again when the state changes
  ConversationId conversation;
  UserId viewer;
  uint64_t revision = 0;
};

// What one explanation says, line by line.
struct ExplanationText {
  std::string heading;                  // "2024-05-29 14:05 · Least busy · Waiting in the queue"
  std::string outcome;                  // "Assigned to Ana Souza", "Offered to ...", or nobody
  std::string team;                     // "Team Support: 3 members, 2 could take it"
  std::vector<std::string> candidates;  // the chosen first: "Ana Souza: 1 active chat, idle 5 min"
  std::vector<std::string> skipped;     // "Carla Agente: Not available"; then "and 3 more passed over"
};
ExplanationText explanation_text(const State& state, const LoggedExplanation& logged, const LocalClock& clock);

// The button and its popup; draws nothing for a viewer who may not read the log.
void draw_explanation_button(ExplanationState& ui, const sync::Engine& engine, UserId viewer, ConversationId conversation,
                             const LocalClock& clock);

}  // namespace inbox::ui
