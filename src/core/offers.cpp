#include "core/offers.h"

#include <algorithm>

#include "core/state.h"

namespace inbox {

std::vector<ConversationId> offers_waiting_for(const State& state, UserId user) {
  std::vector<ConversationId> out;
  if (!user.valid()) return out;
  for (const TimerKey& timer : state.timers.heap) {
    const Conversation& c = state.conversations[timer.subject];
    if ((timer.kind == TimerKind::offer && c.offered_to == user) ||
        (timer.kind == TimerKind::transfer && c.transfer.to == user)) {
      if (std::find(out.begin(), out.end(), ConversationId(timer.subject)) == out.end()) {
        out.push_back(ConversationId(timer.subject));
      }
    }
  }
  std::sort(out.begin(), out.end(), [&](ConversationId a, ConversationId b) {
    const int64_t ea = offer_ends_at(state.conversations[a.index()], user);
    const int64_t eb = offer_ends_at(state.conversations[b.index()], user);
    return ea != eb ? ea < eb : a.value < b.value;
  });
  return out;
}

// Accept and decline answer the transfer request first when both are open (decide.cpp does the same).
bool is_transfer_request(const Conversation& conversation, UserId user) { return conversation.transfer.to == user; }

int64_t offer_started_at(const Conversation& c, UserId user) {
  return is_transfer_request(c, user) ? c.transfer.requested_at : c.offered_at;
}

int64_t offer_ends_at(const Conversation& c, UserId user) {
  return is_transfer_request(c, user) ? c.transfer.expires_at : c.offer_expires_at;
}

}  // namespace inbox
