#include "demo/world.h"

#include "core/demo_text.h"
#include "core/views.h"

namespace inbox::demo {
namespace {

constexpr size_t kRecentMax = 400;

// Someone who may list every conversation (the lists are read through the same views the UI uses).
UserId overseer(const State& state) {
  for (uint32_t i = 0; i < state.users.size(); ++i) {
    if (section_visible(state, state.users[i].role, Section::all)) return UserId(i);
  }
  return UserId();
}

}  // namespace

std::vector<ConversationId> recent_conversations(const State& state, ConversationStatus status, int64_t since_ms) {
  ListQuery query;
  query.viewer = overseer(state);
  query.section = Section::all;
  query.status = status;
  query.order = SortOrder::newest_first;
  query.limit = kRecentMax;
  std::vector<ConversationId> out;
  for (const ConversationId id : list_conversations(state, query)) {
    // Overdue ones come first whatever their last message; the rest are newest first.
    const Conversation& c = state.conversations[id.index()];
    if (c.last_message_at >= since_ms) out.push_back(id);
    else if (c.overdue_since == kNever) break;
  }
  return out;
}

const std::string* contact_address(const State& state, const Conversation& conversation) {
  for (const ChannelIdentity& identity : state.contacts[conversation.contact.index()].identities) {
    if (identity.channel == conversation.channel) return &identity.address;
  }
  return nullptr;
}

uint64_t mix(uint64_t value, uint64_t salt) {
  demo_text::Random random(value * 0x100000001B3ull ^ salt);
  return random.next();
}

}  // namespace inbox::demo
