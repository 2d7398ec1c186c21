#include "core/decide_context.h"

namespace inbox {

Error forbidden(const DecideContext& c, const char* what) {
  const char* who = c.is_system() ? "the system" : role_with_article(c.actor_user->role);
  return fail(ErrorCode::forbidden, std::string("Not allowed for ") + who + ": " + what + ".");
}

std::optional<Error> require_manager(const DecideContext& c, const char* what) {
  if (c.manages()) return std::nullopt;
  return forbidden(c, what);
}

Result<const Conversation*> open_conversation(const DecideContext& c, ConversationId id) {
  const Conversation* conversation = find_conversation(c.state, id);
  if (conversation == nullptr) return unknown_conversation(id);
  if (conversation->status == ConversationStatus::closed) return conversation_closed(id);
  return conversation;
}

Result<const Conversation*> conversation_for(const DecideContext& c, ConversationId id, bool allow_closed) {
  const Conversation* conversation = find_conversation(c.state, id);
  if (conversation == nullptr) return unknown_conversation(id);
  if (!may_act_on(c.state, c.actor, *conversation)) return forbidden(c, "this conversation is someone else's");
  if (!allow_closed && conversation->status == ConversationStatus::closed) return conversation_closed(id);
  return conversation;
}

std::optional<Error> require_available(const State& state, UserId user, const char* what) {
  const User* found = find_user(state, user);
  if (found == nullptr) return unknown_user(user);
  if (found->status == UserStatus::available) return std::nullopt;
  return fail(ErrorCode::user_not_available, found->name + " is " + user_status_text(found->status) +
                                                 ": only an available agent receives " + what + ".");
}

}  // namespace inbox
