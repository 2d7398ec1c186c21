#include "core/state.h"

#include <algorithm>

namespace inbox {
namespace {

template <class T, class Tag>
const T* find_in(const std::vector<T>& items, Id<Tag> id) {
  return id.valid() && id.index() < items.size() ? &items[id.index()] : nullptr;
}

}  // namespace

const User* find_user(const State& state, UserId id) { return find_in(state.users, id); }
const Team* find_team(const State& state, TeamId id) {
  const Team* team = find_in(state.teams, id);
  return team != nullptr && !team->deleted ? team : nullptr;
}
const Channel* find_channel(const State& state, ChannelId id) { return find_in(state.channels, id); }
const Contact* find_contact(const State& state, ContactId id) { return find_in(state.contacts, id); }
const Conversation* find_conversation(const State& state, ConversationId id) {
  return find_in(state.conversations, id);
}
const ClosingReason* find_closing_reason(const State& state, ClosingReasonId id) {
  return find_in(state.closing_reasons, id);
}

const Campaign* find_campaign(const State& state, CampaignId id) { return find_in(state.campaigns, id); }

bool in_team(const Team& team, UserId user) {
  return std::find(team.members.begin(), team.members.end(), user) != team.members.end();
}

std::string_view message_text(const State& state, MessageId id) {
  const Message& message = state.messages.at(id.index());
  return std::string_view(state.message_text).substr(message.text_begin, message.text_size);
}

std::vector<MessageId> conversation_messages(const State& state, ConversationId id, size_t limit) {
  std::vector<MessageId> out;
  for (MessageId m = state.conversations.at(id.index()).last_message; m.valid() && out.size() < limit;
       m = state.messages[m.index()].previous) {
    out.push_back(m);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

const MessageExtra* message_extra(const State& state, MessageId id) {
  const Message& message = state.messages.at(id.index());
  return message.extra == kNoIndex ? nullptr : &state.message_extras.at(message.extra);
}

const Referral* conversation_referral(const State& state, ConversationId id) {
  const Conversation& conversation = state.conversations.at(id.index());
  return conversation.referral == kNoIndex ? nullptr : &state.referrals.at(conversation.referral);
}

void rebuild_indexes(State& state) {
  state.views = rebuild_views(state);
  state.routing = rebuild_routing(state);
  state.timers = rebuild_timers(state);
}

}  // namespace inbox
