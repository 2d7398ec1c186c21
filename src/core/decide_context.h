// What every decide_*.cpp shares: the context a command is decided in (state, actor, time) and the helpers
// that word refusals the same way everywhere ("There is no team #3.", "Not allowed for a supervisor: ...").
// Internal to decide(): the app and the relay call decide() only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/decide.h"
#include "core/errors.h"
#include "core/events.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "core/state.h"

namespace inbox {

using Events = std::vector<Event>;

struct DecideContext {
  const State& state;
  UserId actor;
  const User* actor_user;  // nullptr: the system
  int64_t now_ms;

  Event event(EventBody body) const { return Event{actor, now_ms, std::move(body)}; }
  bool is_system() const { return actor_user == nullptr; }
  bool manages() const { return is_system() || manages_workspace(actor_user->role); }
  bool acts_on_any() const { return is_system() || acts_on_any_conversation(actor_user->role); }
};

inline Error fail(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

template <class Tag>
std::string id_text(Id<Tag> id) {
  return id.valid() ? "#" + std::to_string(id.value) : "(none)";
}

// "There is no <what> #<id>." with the code for it.
template <class Tag>
Error not_found(ErrorCode code, const char* what, Id<Tag> id) {
  return fail(code, std::string("There is no ") + what + " " + id_text(id) + ".");
}

inline Error unknown_user(UserId id) { return not_found(ErrorCode::unknown_user, "user", id); }
inline Error unknown_team(TeamId id) { return not_found(ErrorCode::unknown_team, "team", id); }
inline Error unknown_channel(ChannelId id) { return not_found(ErrorCode::unknown_channel, "channel", id); }
inline Error unknown_contact(ContactId id) { return not_found(ErrorCode::unknown_contact, "contact", id); }
inline Error unknown_conversation(ConversationId id) {
  return not_found(ErrorCode::unknown_conversation, "conversation", id);
}
inline Error conversation_closed(ConversationId id) {
  return fail(ErrorCode::conversation_closed, "Conversation " + id_text(id) + " is closed.");
}

inline Decision one(const DecideContext& c, EventBody body) { return Events{c.event(std::move(body))}; }

// "Not allowed for an agent: <what>." (the system, a supervisor... as the actor is).
Error forbidden(const DecideContext& c, const char* what);

// Settings, users, teams, channels and assignment: Administrator, Supervisor (and the system).
std::optional<Error> require_manager(const DecideContext& c, const char* what);

// The conversation, if it exists and the actor may act on it; closed ones only when allowed.
Result<const Conversation*> conversation_for(const DecideContext& c, ConversationId id, bool allow_closed);

// The conversation, if it exists and is not closed, whoever the actor is (the caller checks who may).
Result<const Conversation*> open_conversation(const DecideContext& c, ConversationId id);

// An offer, a transfer request: only an available agent receives one (RONA, idle, unavailable: refused).
std::optional<Error> require_available(const State& state, UserId user, const char* what);

}  // namespace inbox
