#include "core/decide_routing.h"

#include <algorithm>
#include <string>

#include "core/limits.h"
#include "core/permissions.h"
#include "core/routing_index.h"
#include "core/validate.h"

namespace inbox {
namespace {

constexpr uint32_t kCapacityMax = 10'000;
constexpr uint32_t kReassignMax = 100;

std::optional<Error> check_users(const State& state, const std::vector<UserId>& users, const char* what) {
  if (users.size() > kTeamMembersMax) {
    return fail(ErrorCode::limit_reached, std::string("At most ") + std::to_string(kTeamMembersMax) + " " + what + ".");
  }
  for (const UserId user : users) {
    if (find_user(state, user) == nullptr) return unknown_user(user);
  }
  return std::nullopt;
}

std::optional<Error> check_duration(int64_t ms, const char* what) {
  if (ms >= 0 && ms <= 365LL * 24 * 60 * 60 * 1000) return std::nullopt;
  return fail(ErrorCode::invalid_field, std::string("The ") + what + " must be between 0 and a year.");
}

}  // namespace

Decision decide_routing(const DecideContext& c, const UpdateAssignmentSettings& cmd) {
  if (auto error = require_manager(c, "change the assignment settings")) return *error;
  const AssignmentSettings& s = cmd.settings;
  if (auto error = check_users(c.state, s.excluded_users, "excluded users")) return *error;
  if (s.excluded_roles.size() > 4) return fail(ErrorCode::invalid_field, "There are only four roles to exclude.");
  if (auto error = check_duration(s.disconnect_grace_ms, "disconnect grace period")) return *error;
  if (auto error = check_duration(s.return_chats_after_ms, "time before chats are returned")) return *error;
  if (s.return_chats_after_ms > 0 && s.return_chats_after_ms < s.disconnect_grace_ms) {
    return fail(ErrorCode::invalid_field, "Chats can be returned only after the disconnect grace period.");
  }
  if (s == c.state.assignment) return fail(ErrorCode::no_change, "The assignment settings are already these.");
  return one(c, AssignmentSettingsUpdated{s});
}

Decision decide_routing(const DecideContext& c, const SetTeamRouting& cmd) {
  if (auto error = require_manager(c, "change a team's assignment")) return *error;
  const Team* team = find_team(c.state, cmd.team);
  if (team == nullptr) return unknown_team(cmd.team);
  const TeamRouting& r = cmd.routing;
  const AssignmentStrategy strategy = r.strategy;
  if (r.default_user.valid() && find_user(c.state, r.default_user) == nullptr) {
    return unknown_user(r.default_user);
  }
  if (strategy == AssignmentStrategy::default_user) {
    if (!r.default_user.valid()) return fail(ErrorCode::invalid_field, "The default user strategy needs the user.");
    if (!in_team(*team, r.default_user)) {
      return fail(ErrorCode::not_a_team_member,
                  "User " + id_text(r.default_user) + " is not a member of the team '" + team->name + "'.");
    }
    if (r.reply_timeout_ms > 0) {
      return fail(ErrorCode::invalid_field, "The reply timer is for the least busy and round robin strategies.");
    }
  }
  if (auto error = check_duration(r.offer_timeout_ms, "offer timeout")) return *error;
  if (auto error = check_duration(r.reply_timeout_ms, "reply timeout")) return *error;
  if (r.capacity_max > kCapacityMax) {
    return fail(ErrorCode::invalid_field, "A capacity is at most " + std::to_string(kCapacityMax) + " chats.");
  }
  if (r.reassign_max > kReassignMax) {
    return fail(ErrorCode::invalid_field, "At most " + std::to_string(kReassignMax) + " reassignments.");
  }
  if (auto error = check_users(c.state, r.escalate_to, "users to escalate to")) return *error;
  if (r == team->routing) return fail(ErrorCode::no_change, "The team's assignment is already this.");
  return one(c, TeamRoutingSet{cmd.team, r});
}

Decision decide_routing(const DecideContext& c, const SetUserCapacity& cmd) {
  if (auto error = require_manager(c, "change an agent's capacity")) return *error;
  const User* user = find_user(c.state, cmd.user);
  if (user == nullptr) return unknown_user(cmd.user);
  if (cmd.capacity_max > kCapacityMax) {
    return fail(ErrorCode::invalid_field, "A capacity is at most " + std::to_string(kCapacityMax) + " chats.");
  }
  if (user->capacity_max == cmd.capacity_max) return fail(ErrorCode::no_change, "The capacity is already this.");
  return one(c, UserCapacitySet{cmd.user, cmd.capacity_max});
}

Decision decide_routing(const DecideContext& c, const SetChannelTeam& cmd) {
  if (auto error = require_manager(c, "choose a channel's team")) return *error;
  const Channel* channel = find_channel(c.state, cmd.channel);
  if (channel == nullptr) return unknown_channel(cmd.channel);
  if (cmd.team.valid() && find_team(c.state, cmd.team) == nullptr) {
    return unknown_team(cmd.team);
  }
  if (channel->team == cmd.team) return fail(ErrorCode::no_change, "The channel already goes to that team.");
  return one(c, ChannelTeamSet{cmd.channel, cmd.team});
}

Decision decide_routing(const DecideContext& c, const SetConversationPriority& cmd) {
  const Conversation* conversation = find_conversation(c.state, cmd.conversation);
  if (conversation == nullptr) {
    return unknown_conversation(cmd.conversation);
  }
  if (!may_act_on(c.state, c.actor, *conversation)) return forbidden(c, "this conversation is someone else's");
  if (conversation->status == ConversationStatus::closed) {
    return conversation_closed(cmd.conversation);
  }
  if (cmd.priority > kPriorityMax) {
    return fail(ErrorCode::invalid_field, "A priority is 0 to " + std::to_string(kPriorityMax) + ".");
  }
  if (conversation->priority == cmd.priority) return fail(ErrorCode::no_change, "The priority is already this.");
  return one(c, ConversationPrioritySet{cmd.conversation, cmd.priority});
}

Decision decide_routing(const DecideContext& c, const SetUserConnection& cmd) {
  if (!c.is_system()) return forbidden(c, "only the relay reports connections");
  const User* user = find_user(c.state, cmd.user);
  if (user == nullptr) return unknown_user(cmd.user);
  if ((user->disconnected_at == kNever) == cmd.connected) {
    return fail(ErrorCode::no_change, "The connection is already this.");
  }
  return one(c, UserConnectionChanged{cmd.user, cmd.connected});
}

}  // namespace inbox
