#include <doctest/doctest.h>

#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

struct Replied {
  Inbox inbox;
  ConversationId conversation;
  MessageId inbound, reply;

  Replied() {
    conversation = inbox.customer_writes("+5511900001111", "Oi, tudo bem?");
    inbound = MessageId(static_cast<uint32_t>(inbox.state.messages.size() - 1));
    inbox.run(inbox.ana, AssignConversation{conversation, inbox.ana});
    inbox.reply(inbox.ana, conversation, "Tudo ótimo!");
    reply = MessageId(static_cast<uint32_t>(inbox.state.messages.size() - 1));
  }
  DeliveryStatus delivery(MessageId id) const { return inbox.state.message_delivery.at(id.index()); }
};

}  // namespace

TEST_CASE("an outbound message starts sent and moves to delivered, then read, as the channel reports") {
  Replied r;
  CHECK(r.delivery(r.inbound) == DeliveryStatus::none);
  CHECK(r.delivery(r.reply) == DeliveryStatus::sent);
  const auto events = r.inbox.run(UserId(), UpdateDelivery{r.reply, DeliveryStatus::delivered, {}, {}});
  REQUIRE(events.size() == 1);
  CHECK(std::get<DeliveryUpdated>(events[0].body).conversation == r.conversation);
  CHECK(r.delivery(r.reply) == DeliveryStatus::delivered);
  r.inbox.run(UserId(), UpdateDelivery{r.reply, DeliveryStatus::read, {}, {}});
  CHECK(r.delivery(r.reply) == DeliveryStatus::read);
}

TEST_CASE("delivery reports out of order never move a message back; failed is final") {
  Replied r;
  r.inbox.run(UserId(), UpdateDelivery{r.reply, DeliveryStatus::read, {}, {}});
  CHECK(r.inbox.refused(UserId(), UpdateDelivery{r.reply, DeliveryStatus::delivered, {}, {}}).code == ErrorCode::no_change);
  CHECK(r.inbox.refused(UserId(), UpdateDelivery{r.reply, DeliveryStatus::read, {}, {}}).code == ErrorCode::no_change);
  CHECK(r.delivery(r.reply) == DeliveryStatus::read);

  r.inbox.reply(r.inbox.ana, r.conversation, "Mais alguma coisa?");
  const MessageId second(static_cast<uint32_t>(r.inbox.state.messages.size() - 1));
  r.inbox.run(UserId(), UpdateDelivery{second, DeliveryStatus::failed, {}, {}});
  CHECK(r.inbox.refused(UserId(), UpdateDelivery{second, DeliveryStatus::delivered, {}, {}}).code == ErrorCode::no_change);
  CHECK(r.delivery(second) == DeliveryStatus::failed);
}

TEST_CASE("delivery reports are refused for agents, unknown messages, inbound messages and non-reports") {
  Replied r;
  CHECK(r.inbox.refused(r.inbox.ana, UpdateDelivery{r.reply, DeliveryStatus::read, {}, {}}).code == ErrorCode::forbidden);
  CHECK(r.inbox.refused(UserId(), UpdateDelivery{MessageId(9999), DeliveryStatus::read, {}, {}}).code == ErrorCode::unknown_message);
  CHECK(r.inbox.refused(UserId(), UpdateDelivery{MessageId(), DeliveryStatus::read, {}, {}}).code == ErrorCode::unknown_message);
  CHECK(r.inbox.refused(UserId(), UpdateDelivery{r.inbound, DeliveryStatus::read, {}, {}}).code == ErrorCode::invalid_field);
  CHECK(r.inbox.refused(UserId(), UpdateDelivery{r.reply, DeliveryStatus::sent, {}, {}}).code == ErrorCode::invalid_field);
  CHECK(r.delivery(r.reply) == DeliveryStatus::sent);
}
