#include "core/offers.h"

#include <algorithm>

#include "core/state.h"

namespace inbox {

std::vector<ConversationId> offers_waiting_for(const State& state, UserId user) {
  std::vector<ConversationId> out;
  if (!user.valid()) return out;
  for (const TimerKey& timer : state.timers.heap) {
    if (timer.kind == TimerKind::offer && state.conversations[timer.subject].offered_to == user) {
      out.push_back(ConversationId(timer.subject));
    }
  }
  std::sort(out.begin(), out.end(), [&](ConversationId a, ConversationId b) {
    const int64_t ea = state.conversations[a.index()].offer_expires_at;
    const int64_t eb = state.conversations[b.index()].offer_expires_at;
    return ea != eb ? ea < eb : a.value < b.value;
  });
  return out;
}

}  // namespace inbox
