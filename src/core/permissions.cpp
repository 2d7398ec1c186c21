#include "core/permissions.h"

#include <algorithm>

#include "core/state.h"

namespace inbox {
namespace {

bool in_conference(const Conversation& conversation, UserId user, bool joined_only) {
  return std::any_of(conversation.conference.begin(), conversation.conference.end(), [&](const Participant& p) {
    return p.user == user && (p.joined || !joined_only);
  });
}

bool agent_reaches(const State& state, UserId user, const Conversation& conversation, bool joined_only) {
  if (!user.valid()) return true;
  const User* u = find_user(state, user);
  if (u == nullptr) return false;
  if (acts_on_any_conversation(u->role)) return true;
  return conversation.assignee == user || !conversation.assignee.valid() ||
         in_conference(conversation, user, joined_only);
}

}  // namespace

bool manages_workspace(Role role) { return role == Role::administrator || role == Role::supervisor; }

bool acts_on_any_conversation(Role role) { return role != Role::agent; }

bool may_act_on(const State& state, UserId actor, const Conversation& conversation) {
  return agent_reaches(state, actor, conversation, true);
}

bool may_view(const State& state, UserId viewer, const Conversation& conversation) {
  return agent_reaches(state, viewer, conversation, false);
}

}  // namespace inbox
