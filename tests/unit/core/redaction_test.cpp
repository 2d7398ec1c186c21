#include <doctest/doctest.h>

#include "core/binary_codec.h"
#include "core/redaction.h"
#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

std::string text_of(const State& state, const Message& message) {
  return state.message_text.substr(message.text_begin, message.text_size);
}

// Ana's chat and Bruno's chat (with a photo and an ad referral).
struct TwoChats : Inbox {
  ConversationId anas, brunos;
  TwoChats() {
    anas = customer_writes("+5511911110000", "Ana's customer asks");
    ReceiveMessage photo;
    photo.channel = whatsapp;
    photo.from = "+5511922220000";
    photo.text = "my address is Rua Secreta 12";
    photo.media = Media{"https://cdn.example/photo.jpg", "image/jpeg"};
    photo.referral = Referral{"ad", "ad-77", "https://fb.example/ad", "Promo", "secret promo", "", kNever};
    run(UserId(), photo);
    brunos = state.messages.back().conversation;
    run(supervisor, AssignConversation{anas, ana});
    run(supervisor, AssignConversation{brunos, bruno});
  }
};

}  // namespace

TEST_CASE("redacted_state: an agent's copy has no content of chats it may not view; other roles get everything") {
  TwoChats inbox;
  const State copy = redacted_state(inbox.state, inbox.ana);
  CHECK(copy.message_text.find("Rua Secreta") == std::string::npos);
  CHECK(copy.message_text.find("Ana's customer asks") != std::string::npos);
  for (const Message& message : copy.messages) {
    if (message.conversation == inbox.brunos) {
      CHECK(message.text_size == 0);
      CHECK(message.form == MessageForm::text);
      CHECK(message.extra == kNoIndex);
    } else {
      CHECK(text_of(copy, message) == text_of(inbox.state, inbox.state.messages[&message - copy.messages.data()]));
    }
  }
  CHECK(copy.conversations[inbox.brunos.value].referral == kNoIndex);
  for (const Referral& referral : copy.referrals) CHECK(referral.body.empty());
  for (const MessageExtra& extra : copy.message_extras) CHECK(extra.media.url.empty());
  // Everything but the content is the same: the chat, its status, its assignee.
  CHECK(copy.conversations.size() == inbox.state.conversations.size());
  CHECK(copy.conversations[inbox.brunos.value].assignee == inbox.bruno);
  const std::string bytes = state_to_binary(copy);
  CHECK(bytes.find("Rua Secreta") == std::string::npos);
  CHECK(bytes.find("secret promo") == std::string::npos);
  CHECK(state_from_binary(bytes).ok());

  for (UserId everything : {inbox.supervisor, inbox.operator_, inbox.admin}) {
    CHECK_FALSE(copy_is_redacted(inbox.state, everything));
    CHECK(state_to_binary(redacted_state(inbox.state, everything)) == state_to_binary(inbox.state));
  }
  CHECK(copy_is_redacted(inbox.state, inbox.ana));
  CHECK(copy_is_redacted(inbox.state, UserId(999)));
}

TEST_CASE("redacted_state: with the Teammates section shared, agents read their teammates' chats") {
  TwoChats inbox;
  Settings settings = inbox.state.settings;
  settings.teammates_shared = true;
  inbox.run(inbox.supervisor, UpdateSettings{settings});
  CHECK(redacted_state(inbox.state, inbox.ana).message_text.find("Rua Secreta") != std::string::npos);
}

TEST_CASE("without_content: a message keeps its place and kind, loses text, media, template, referral, wamid") {
  MessageAdded message{ConversationId(4), MessageId(9), MessageKind::inbound, "secret", Media{"u", "image/png"},
                       Template{}, Referral{}, "wamid.X"};
  const Event event{UserId(), 1000, message};
  CHECK(carries_content(event));
  CHECK(named_conversation(event) == ConversationId(4));
  const Event stripped_event = without_content(event);
  const auto& stripped = std::get<MessageAdded>(stripped_event.body);
  CHECK(stripped.conversation == ConversationId(4));
  CHECK(stripped.message == MessageId(9));
  CHECK(stripped.kind == MessageKind::inbound);
  CHECK(stripped.text.empty());
  CHECK(stripped.media.url.empty());
  CHECK_FALSE(stripped.template_.has_value());
  CHECK_FALSE(stripped.referral.has_value());
  CHECK(stripped.provider_id.empty());

  ConversationOpened opened;
  opened.conversation = ConversationId(4);
  CHECK_FALSE(carries_content(Event{UserId(), 0, opened}));
  opened.referral = Referral{};
  CHECK(carries_content(Event{UserId(), 0, opened}));
  CHECK_FALSE(std::get<ConversationOpened>(without_content(Event{UserId(), 0, opened}).body).referral);

  CHECK_FALSE(named_conversation(Event{UserId(), 0, TeamRenamed{TeamId(0), "x"}}).valid());
  CHECK(changes_every_view(Event{UserId(), 0, SettingsUpdated{}}));
  CHECK_FALSE(changes_every_view(Event{UserId(), 0, TeamRenamed{TeamId(0), "x"}}));
}
