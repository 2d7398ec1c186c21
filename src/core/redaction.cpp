#include "core/redaction.h"

#include <type_traits>
#include <utility>

#include "core/permissions.h"
#include "core/state.h"

namespace inbox {
namespace {

template <class T, class = void>
struct names_conversation : std::false_type {};
template <class T>
struct names_conversation<T, std::void_t<decltype(std::declval<T>().conversation)>>
    : std::is_same<std::decay_t<decltype(std::declval<T>().conversation)>, ConversationId> {};

bool viewer_may_view(const State& state, UserId viewer, ConversationId id) {
  return may_view(state, viewer, state.conversations[id.value]);
}

}  // namespace

bool copy_is_redacted(const State& state, UserId viewer) {
  const User* user = find_user(state, viewer);
  return user == nullptr || !acts_on_any_conversation(user->role);
}

ConversationId named_conversation(const Event& event) {
  return std::visit(
      [](const auto& body) {
        using Body = std::decay_t<decltype(body)>;
        if constexpr (names_conversation<Body>::value) return body.conversation;
        else return ConversationId();
      },
      event.body);
}

bool changes_every_view(const Event& event) { return std::holds_alternative<SettingsUpdated>(event.body); }

bool carries_content(const Event& event) {
  if (std::holds_alternative<MessageAdded>(event.body)) return true;
  const auto* opened = std::get_if<ConversationOpened>(&event.body);
  return opened != nullptr && opened->referral.has_value();
}

Event without_content(const Event& event) {
  Event copy = event;
  if (auto* message = std::get_if<MessageAdded>(&copy.body)) {
    message->text.clear();
    message->media = Media{};
    message->template_.reset();
    message->referral.reset();
    message->provider_id.clear();
  } else if (auto* opened = std::get_if<ConversationOpened>(&copy.body)) {
    opened->referral.reset();
  }
  return copy;
}

State redacted_state(const State& state, UserId viewer) {
  State copy = state;
  if (!copy_is_redacted(state, viewer)) return copy;
  std::vector<bool> hidden(state.conversations.size());
  for (size_t i = 0; i < state.conversations.size(); ++i) {
    hidden[i] = !viewer_may_view(state, viewer, ConversationId(static_cast<uint32_t>(i)));
    Conversation& conversation = copy.conversations[i];
    if (hidden[i] && conversation.referral != kNoIndex) {
      copy.referrals[conversation.referral] = Referral{};
      conversation.referral = kNoIndex;
    }
  }
  std::string text;
  text.reserve(state.message_text.size());
  for (Message& message : copy.messages) {
    if (message.conversation.valid() && hidden[message.conversation.value]) {
      if (message.extra != kNoIndex) copy.message_extras[message.extra] = MessageExtra{};
      message.extra = kNoIndex;
      message.form = MessageForm::text;
      message.text_size = 0;
    }
    const uint32_t begin = static_cast<uint32_t>(text.size());
    text.append(state.message_text, message.text_begin, message.text_size);
    message.text_begin = begin;
  }
  copy.message_text = std::move(text);
  std::vector<ProviderRef> provider_ids;
  for (const ProviderRef& ref : state.provider_ids) {
    const ConversationId conversation = state.messages[ref.message.index()].conversation;
    if (!hidden[conversation.index()]) provider_ids.push_back(ref);
  }
  copy.provider_ids = std::move(provider_ids);
  return copy;
}

}  // namespace inbox
