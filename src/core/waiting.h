// Why a conversation waits with nobody on it: what the chat shows, so no chat sits in a queue without its
// reason on the screen (and what the randomized simulation checks: every waiting chat has one of these).
#pragma once
#include <array>
#include <cstdint>
#include <optional>

#include "core/model.h"

namespace inbox {

struct State;

enum class WaitReason : uint8_t {
  offered,           // offered to an agent: waiting for their accept
  escalated,         // nobody answered in time: with the supervisors
  no_team,           // its channel has no team and the workspace no default team: someone must take it
  assignment_off,    // automatic assignment is off: someone must take it
  no_members,        // its team has nobody in it
  nobody_available,  // no member can take a chat now (not available, excluded or at capacity)
  dispatching,       // someone can take it: the engine hands it out at once
};
template <>
struct EnumNames<WaitReason> {
  static constexpr std::array<const char*, 7> names = {"offered",        "escalated",        "no_team",
                                                       "assignment_off", "no_members",       "nobody_available",
                                                       "dispatching"};
};

// nullopt: not waiting (assigned, closed, or Scheduled until its reminder).
std::optional<WaitReason> waiting_reason(const State& state, const Conversation& conversation);

}  // namespace inbox
