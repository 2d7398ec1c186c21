// decide() for the assignment engine's commands: assignment settings, team routing, capacity, channel
// teams, priority, campaigns (direct routing) and connections. Called only by decide().
#pragma once
#include <cstdint>

#include "core/commands.h"
#include "core/decide.h"

namespace inbox {

struct RoutingContext {
  const State* state = nullptr;
  UserId actor;
  const User* actor_user = nullptr;  // nullptr: the system
  int64_t now_ms = 0;
};

Decision decide_routing(const RoutingContext& c, const UpdateAssignmentSettings& cmd);
Decision decide_routing(const RoutingContext& c, const SetTeamRouting& cmd);
Decision decide_routing(const RoutingContext& c, const SetUserCapacity& cmd);
Decision decide_routing(const RoutingContext& c, const SetChannelTeam& cmd);
Decision decide_routing(const RoutingContext& c, const SetConversationPriority& cmd);
Decision decide_routing(const RoutingContext& c, const SendCampaign& cmd);
Decision decide_routing(const RoutingContext& c, const SetUserConnection& cmd);

}  // namespace inbox
