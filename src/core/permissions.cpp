#include "core/permissions.h"

#include <algorithm>
#include <string>

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

// A shared Teammates section lets agents read their teammates' chats, never act on them.
bool shared_with_teammates(const State& state, const Conversation& conversation) {
  return state.settings.teammates_shared && conversation.assignee.valid();
}

}  // namespace

bool manages_workspace(Role role) { return role == Role::administrator || role == Role::supervisor; }

const char* role_with_article(Role role) {
  switch (role) {
    case Role::administrator: return "an administrator";
    case Role::supervisor: return "a supervisor";
    case Role::operator_: return "an operator";
    case Role::agent: return "an agent";
  }
  return "a user";
}

const char* user_status_text(UserStatus status) {
  switch (status) {
    case UserStatus::available: return "available";
    case UserStatus::idle: return "idle";
    case UserStatus::unavailable: return "unavailable";
    case UserStatus::rona: return "in RONA (no answer to an offer)";
  }
  return "unavailable";
}

std::optional<Error> settings_refusal(const State& state, UserId viewer) {
  const User* user = find_user(state, viewer);
  if (user == nullptr) {
    const std::string id = viewer.valid() ? "#" + std::to_string(viewer.value) : "(none)";
    return Error{ErrorCode::unknown_actor, "The acting user " + id + " does not exist."};
  }
  if (manages_workspace(user->role)) return std::nullopt;
  return Error{ErrorCode::forbidden,
               std::string("Not allowed for ") + role_with_article(user->role) + ": open the workspace settings."};
}

bool acts_on_any_conversation(Role role) { return role != Role::agent; }

bool may_act_on(const State& state, UserId actor, const Conversation& conversation) {
  return agent_reaches(state, actor, conversation, true);
}

bool may_view(const State& state, UserId viewer, const Conversation& conversation) {
  return agent_reaches(state, viewer, conversation, false) ||
         (find_user(state, viewer) != nullptr && shared_with_teammates(state, conversation));
}

}  // namespace inbox
