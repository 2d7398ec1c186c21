#include "core/offers.h"

#include <algorithm>

#include "core/state.h"

namespace inbox {

std::vector<ConversationId> offers_waiting_for(const State& state, UserId user) {
  std::vector<ConversationId> out;
  if (!user.valid()) return out;
  const std::vector<uint32_t>& slots = state.timers.position[static_cast<size_t>(TimerKind::offer)];
  for (uint32_t id = 0; id < slots.size(); ++id) {
    if (slots[id] != 0 && state.conversations[id].offered_to == user) out.push_back(ConversationId(id));
  }
  std::sort(out.begin(), out.end(), [&](ConversationId a, ConversationId b) {
    const int64_t ea = state.conversations[a.index()].offer_expires_at;
    const int64_t eb = state.conversations[b.index()].offer_expires_at;
    return ea != eb ? ea < eb : a.value < b.value;
  });
  return out;
}

}  // namespace inbox
