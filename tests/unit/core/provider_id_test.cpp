// Provider message ids (WhatsApp's wamid): a webhook retried for days applies once, and delivery reports
// find our messages by the id the provider gave them.
#include <doctest/doctest.h>

#include "core/binary_codec.h"
#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

ReceiveMessage inbound(ChannelId channel, const std::string& wamid, const std::string& text = "Oi") {
  ReceiveMessage message;
  message.channel = channel;
  message.from = "+5511900001111";
  message.text = text;
  message.provider_id = wamid;
  return message;
}

UpdateDelivery record(MessageId message, const std::string& wamid) {
  UpdateDelivery update;
  update.message = message;
  update.status = DeliveryStatus::sent;
  update.provider_id = wamid;
  return update;
}

UpdateDelivery report(ChannelId channel, const std::string& wamid, DeliveryStatus status) {
  UpdateDelivery update;
  update.channel = channel;
  update.provider_id = wamid;
  update.status = status;
  return update;
}

}  // namespace

TEST_CASE("a customer message the provider sends twice (same wamid) is added once") {
  Inbox inbox;
  inbox.run(UserId(), inbound(inbox.whatsapp, "wamid.A"));
  const size_t messages = inbox.state.messages.size();
  CHECK(inbox.refused(UserId(), inbound(inbox.whatsapp, "wamid.A", "again")).code == ErrorCode::no_change);
  inbox.run(UserId(), inbound(inbox.whatsapp, "wamid.B"));
  CHECK(inbox.state.messages.size() == messages + 1);
}

TEST_CASE("the same wamid on another channel is another message") {
  Inbox inbox;
  inbox.run(UserId(), inbound(inbox.whatsapp, "id-1"));
  ReceiveMessage other = inbound(inbox.webchat, "id-1");
  other.from = "visitor-7";
  inbox.run(UserId(), other);
}

TEST_CASE("the dedupe survives a snapshot round trip (a relay restart)") {
  Inbox inbox;
  inbox.run(UserId(), inbound(inbox.whatsapp, "wamid.A"));
  Result<State> restored = state_from_binary(state_to_binary(inbox.state));
  REQUIRE(restored.ok());
  inbox.state = std::move(restored).value();
  CHECK(inbox.refused(UserId(), inbound(inbox.whatsapp, "wamid.A")).code == ErrorCode::no_change);
}

TEST_CASE("a reply's wamid is recorded once; its statuses then move it forward only") {
  Inbox inbox;
  const ConversationId conversation = inbox.customer_writes("+5511900001111", "Oi");
  inbox.run(inbox.ana, AssignConversation{conversation, inbox.ana});
  inbox.reply(inbox.ana, conversation, "Olá!");
  const MessageId reply(static_cast<uint32_t>(inbox.state.messages.size() - 1));

  CHECK(inbox.refused(UserId(), report(inbox.whatsapp, "wamid.R", DeliveryStatus::delivered)).code ==
        ErrorCode::unknown_message);
  inbox.run(UserId(), record(reply, "wamid.R"));
  CHECK(inbox.state.message_delivery.at(reply.index()) == DeliveryStatus::sent);
  CHECK(inbox.refused(UserId(), record(reply, "wamid.R")).code == ErrorCode::no_change);
  CHECK(inbox.refused(inbox.ana, record(reply, "wamid.X")).code == ErrorCode::forbidden);

  inbox.run(UserId(), report(inbox.whatsapp, "wamid.R", DeliveryStatus::read));
  CHECK(inbox.refused(UserId(), report(inbox.whatsapp, "wamid.R", DeliveryStatus::delivered)).code ==
        ErrorCode::no_change);
  CHECK(inbox.state.message_delivery.at(reply.index()) == DeliveryStatus::read);
  CHECK(inbox.refused(UserId(), report(inbox.webchat, "wamid.R", DeliveryStatus::failed)).code ==
        ErrorCode::unknown_message);
}
