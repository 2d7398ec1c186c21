// What each kind of channel allows, in one table: the WhatsApp 24-hour customer-service window (free text
// and media only within 24 h of the customer's last message; templates always) and how contacts are
// addressed. decide() enforces it; the compose box and the reminder menu ask the same functions first.
#pragma once
#include <cstdint>

#include "core/model.h"

namespace inbox {

struct State;

constexpr int64_t kWhatsAppWindowMs = 24LL * 60 * 60 * 1000;

struct ChannelTraits {
  int64_t reply_window_ms = 0;      // 0: no window; else only templates once this long has passed
  bool addressed_by_phone = false;  // the contact's E.164 phone is their address on it
};

constexpr ChannelTraits channel_traits(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::whatsapp: return ChannelTraits{kWhatsAppWindowMs, true};
    case ChannelKind::instagram: return ChannelTraits{0, false};
    case ChannelKind::messenger: return ChannelTraits{0, false};
    case ChannelKind::webchat: return ChannelTraits{0, false};
  }
  return ChannelTraits{};
}

ChannelTraits channel_traits(const State& state, const Conversation& conversation);

// The end of the window the customer's last message opened (kNever: they have not written), whatever the
// channel: what the "window closes soonest" order sorts by.
int64_t window_closes_at(const Conversation& conversation);

// When the conversation's channel stops taking free text: kNoDeadline when it has no window, kNever when
// the customer has not written yet (so it never opened).
int64_t reply_window_closes_at(const State& state, const Conversation& conversation);

// Only templates can reach the customer at `at_ms` (now, or when a reminder falls due).
bool templates_only(const State& state, const Conversation& conversation, int64_t at_ms);

}  // namespace inbox
