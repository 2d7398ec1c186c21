// The signed-in user's simulated teammates: they accept most offers and transfer requests within seconds
// (some go unanswered, and whoever went to RONA for an offer comes back a little later), answer their
// customers within a minute, and close a conversation some minutes after their last reply. Delays come from
// a hash of the message or the conversation, so they are the same after a reload.
#include "core/model.h"
#include "demo/simulator.h"
#include "demo/world.h"

namespace inbox::demo {
namespace {

using demo_text::language_of_phone;

constexpr int64_t kRonaBackAfterMs = 90'000;
constexpr int64_t kActiveWindowMs = 30 * 60'000;

bool simulated(const State& state, UserId user, UserId human) {
  return user.valid() && user != human && user.index() < state.users.size() &&
         state.users[user.index()].role != Role::administrator;
}

void accept_offers(const State& state, int64_t now_ms, UserId human, std::vector<Command>& out) {
  for (const ConversationId id : recent_conversations(state, ConversationStatus::pending, kNever)) {
    const Conversation& c = state.conversations[id.index()];
    if (!simulated(state, c.offered_to, human)) continue;
    const uint64_t h = mix(id.value ^ (static_cast<uint64_t>(c.offered_at) << 20), 0x0FFE);
    if (h % 10 == 0) continue;  // this one goes unanswered: RONA, and the next agent gets it
    if (now_ms < c.offered_at + 4'000 + static_cast<int64_t>(h % 16'000)) continue;
    out.push_back(Command{c.offered_to, AcceptConversation{id}});
  }
}

// Transfer requests to a teammate: most are taken over after a few seconds, some declined, some left to lapse.
void answer_transfers(const State& state, int64_t now_ms, UserId human, std::vector<Command>& out) {
  for (const TimerKey& timer : state.timers.heap) {
    if (timer.kind != TimerKind::transfer) continue;
    const Conversation& c = state.conversations[timer.subject];
    if (!simulated(state, c.transfer.to, human)) continue;
    const uint64_t h = mix(timer.subject ^ (static_cast<uint64_t>(c.transfer.requested_at) << 20), 0x7AF);
    if (h % 10 == 0) continue;  // left to lapse: the request is abandoned
    if (now_ms < c.transfer.requested_at + 4'000 + static_cast<int64_t>(h % 16'000)) continue;
    const ConversationId id(timer.subject);
    if (h % 10 == 1) out.push_back(Command{c.transfer.to, DeclineConversation{id}});
    else out.push_back(Command{c.transfer.to, AcceptConversation{id}});
  }
}

void leave_rona(const State& state, int64_t now_ms, UserId human, std::vector<Command>& out) {
  for (uint32_t i = 0; i < state.users.size(); ++i) {
    const User& user = state.users[i];
    if (user.status != UserStatus::rona || !simulated(state, UserId(i), human)) continue;
    if (now_ms >= user.status_changed_at + kRonaBackAfterMs) {
      out.push_back(Command{UserId(i), SetUserStatus{UserId(i), UserStatus::available}});
    }
  }
}

ClosingReasonId closing_reason(const State& state, uint64_t h) {
  if (state.closing_reasons.empty()) return ClosingReasonId();
  return ClosingReasonId(static_cast<uint32_t>(h % state.closing_reasons.size()));
}

void answer_and_close(const State& state, int64_t now_ms, UserId human, std::vector<Command>& out) {
  for (const ConversationId id : recent_conversations(state, ConversationStatus::open, now_ms - kActiveWindowMs)) {
    const Conversation& c = state.conversations[id.index()];
    if (!simulated(state, c.assignee, human) || !c.last_message.valid()) continue;
    const uint64_t h = mix(c.last_message.value, 0x7EA);
    if (c.awaiting_reply) {
      if (now_ms < c.last_message_at + 15'000 + static_cast<int64_t>(h % 45'000)) continue;
      const auto& replies = language_of_phone(state.contacts[c.contact.index()].phone).replies;
      out.push_back(Command{c.assignee, SendMessage{id, replies[(h >> 8) % replies.size()], {}, std::nullopt}});
    } else if (h % 10 < 6 && now_ms >= c.last_message_at + 3 * 60'000 + static_cast<int64_t>(h % (3 * 60'000))) {
      out.push_back(Command{c.assignee, CloseConversation{id, closing_reason(state, h >> 16)}});
    }
  }
}

}  // namespace

std::vector<Command> teammates_act(const State& state, int64_t now_ms, UserId human) {
  std::vector<Command> out;
  accept_offers(state, now_ms, human, out);
  answer_transfers(state, now_ms, human, out);
  leave_rona(state, now_ms, human, out);
  answer_and_close(state, now_ms, human, out);
  return out;
}

}  // namespace inbox::demo
