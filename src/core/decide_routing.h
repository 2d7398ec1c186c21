// decide() for the assignment engine's commands: assignment settings, team routing, capacity, channel
// teams, priority and connections. Called only by decide().
#pragma once
#include <cstdint>

#include "core/commands.h"
#include "core/decide_context.h"

namespace inbox {

Decision decide_routing(const DecideContext& c, const UpdateAssignmentSettings& cmd);
Decision decide_routing(const DecideContext& c, const SetTeamRouting& cmd);
Decision decide_routing(const DecideContext& c, const SetUserCapacity& cmd);
Decision decide_routing(const DecideContext& c, const SetChannelTeam& cmd);
Decision decide_routing(const DecideContext& c, const SetConversationPriority& cmd);
Decision decide_routing(const DecideContext& c, const SetUserConnection& cmd);

}  // namespace inbox
