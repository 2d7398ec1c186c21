#include "core/waiting.h"

#include "core/state.h"

namespace inbox {

std::optional<WaitReason> waiting_reason(const State& state, const Conversation& c) {
  if (c.assignee.valid() || c.status != ConversationStatus::pending) return std::nullopt;
  if (c.offered_to.valid()) return WaitReason::offered;
  if (c.escalated) return WaitReason::escalated;
  const Team* team = find_team(state, c.team);
  if (team == nullptr) return WaitReason::no_team;
  if (!state.settings.automatic_assignment) return WaitReason::assignment_off;
  if (team->members.empty()) return WaitReason::no_members;
  if (state.routing.teams[c.team.index()].ready_positions.empty()) return WaitReason::nobody_available;
  // default user: only that member's readiness counts.
  if (team->routing.strategy == AssignmentStrategy::default_user) {
    const std::optional<uint32_t> at = member_position(state, team->routing.default_user, c.team);
    if (!at || !state.routing.teams[c.team.index()].ready_positions.contains(*at)) return WaitReason::nobody_available;
  }
  return WaitReason::dispatching;
}

}  // namespace inbox
