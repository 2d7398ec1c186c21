#include "core/channel_rules.h"

#include "core/state.h"

namespace inbox {

ChannelTraits channel_traits(const State& state, const Conversation& conversation) {
  return channel_traits(state.channels.at(conversation.channel.index()).kind);
}

int64_t window_closes_at(const Conversation& conversation) {
  return conversation.customer_last_message_at == kNever ? kNever
                                                         : conversation.customer_last_message_at + kWhatsAppWindowMs;
}

int64_t reply_window_closes_at(const State& state, const Conversation& conversation) {
  const int64_t window_ms = channel_traits(state, conversation).reply_window_ms;
  if (window_ms == 0) return kNoDeadline;
  const int64_t opened_at = conversation.customer_last_message_at;
  return opened_at == kNever ? kNever : opened_at + window_ms;
}

bool templates_only(const State& state, const Conversation& conversation, int64_t at_ms) {
  const int64_t closes_at = reply_window_closes_at(state, conversation);
  return closes_at != kNoDeadline && (closes_at == kNever || at_ms >= closes_at);
}

}  // namespace inbox
