#include "core/decide.h"

#include <doctest/doctest.h>

#include "core/json_codec.h"
#include "core/limits.h"
#include "core/routing_index.h"
#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("a customer's first message creates the contact and opens a Pending, unassigned conversation") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+55 (11) 98765-4321", "Olá, preciso de ajuda", inbox.whatsapp, "João");
  const Conversation& c = inbox.conversation(id);
  CHECK(c.status == ConversationStatus::pending);
  CHECK_FALSE(c.assignee.valid());
  CHECK(c.awaiting_reply);
  CHECK(c.customer_last_message_at == inbox.now_ms);
  const Contact& contact = inbox.state.contacts.at(c.contact.index());
  CHECK(contact.name == "João");
  CHECK(contact.phone == "+5511987654321");
  CHECK(contact.active_conversation == id);
}

TEST_CASE("a second message from the same customer lands in the same active conversation") {
  Inbox inbox;
  const ConversationId first = inbox.customer_writes("+5511987654321", "Oi");
  const ConversationId second = inbox.customer_writes("+55 11 98765 4321", "Alguém aí?");
  CHECK(first == second);
  CHECK(inbox.state.contacts.size() == 1);
  CHECK(inbox.conversation(first).message_count == 2);
}

TEST_CASE("a customer typed in by hand is found by phone when they write on WhatsApp") {
  Inbox inbox;
  inbox.run(inbox.ana, CreateContact{"Marie Dupont", "+33 6 12 34 56 78", "marie@example.fr"});
  const ConversationId id = inbox.customer_writes("+33612345678", "Bonjour");
  CHECK(inbox.conversation(id).contact == ContactId(0));
}

TEST_CASE("a message after close opens a new attention for the same contact, linked to the old one") {
  Inbox inbox;
  const ConversationId first = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{first, inbox.ana});
  inbox.run(inbox.ana, CloseConversation{first, inbox.solved});
  const ConversationId second = inbox.customer_writes("+5511987654321", "Voltei");
  CHECK(second != first);
  CHECK(inbox.conversation(second).status == ConversationStatus::pending);
  CHECK(inbox.conversation(second).previous == first);
  CHECK(inbox.conversation(second).timeline.front().kind == TimelineKind::reopened);
}

TEST_CASE("starting a conversation with a contact who already has an active one is refused") {
  Inbox inbox;
  inbox.customer_writes("+5511987654321", "Oi");
  const Error error = inbox.refused(inbox.ana, StartConversation{ContactId(0), inbox.whatsapp, Template{"promo", "pt_BR", {}}});
  CHECK(error.code == ErrorCode::active_conversation_exists);
}

TEST_CASE("an agent starts a conversation with a template and owns it") {
  Inbox inbox;
  inbox.run(inbox.ana, CreateContact{"Lucía", "+34 612 345 678", ""});
  inbox.run(inbox.ana, StartConversation{ContactId(0), inbox.whatsapp, Template{"seguimiento", "es", {"Lucía"}}});
  const Conversation& c = inbox.conversation(ConversationId(0));
  CHECK(c.status == ConversationStatus::open);
  CHECK(c.assignee == inbox.ana);
  CHECK(inbox.state.messages.back().form == MessageForm::template_);
  SUBCASE("but cannot send free text before the customer answers") {
    CHECK(inbox.refused(inbox.ana, SendMessage{ConversationId(0), "Hola", {}, std::nullopt}).code ==
          ErrorCode::outside_whatsapp_window);
  }
}

TEST_CASE("starting a Webchat conversation with a contact who never used Webchat is refused") {
  Inbox inbox;
  inbox.run(inbox.ana, CreateContact{"Lucía", "+34612345678", ""});
  CHECK(inbox.refused(inbox.ana, StartConversation{ContactId(0), inbox.webchat, Template{"hola", "es", {}}}).code ==
        ErrorCode::no_channel_identity);
}

TEST_CASE("agents only receive customer messages from the channel, never type them in") {
  Inbox inbox;
  ReceiveMessage message;
  message.channel = inbox.whatsapp;
  message.from = "+5511987654321";
  message.text = "fake";
  CHECK(inbox.refused(inbox.ana, message).code == ErrorCode::forbidden);
}

TEST_CASE("an inbound WhatsApp message from something that is not a phone number is refused") {
  Inbox inbox;
  ReceiveMessage message;
  message.channel = inbox.whatsapp;
  message.from = "not-a-phone";
  message.text = "hi";
  CHECK(inbox.refused(UserId(), message).code == ErrorCode::invalid_phone);
}

TEST_CASE("an agent picks up an unassigned conversation: it moves to Open and to them") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  CHECK(inbox.conversation(id).assignee == inbox.ana);
}

TEST_CASE("an agent cannot take a conversation assigned to someone else, nor assign to others") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  CHECK(inbox.refused(inbox.ana, AssignConversation{id, inbox.bruno}).code == ErrorCode::forbidden);
  inbox.run(inbox.bruno, AssignConversation{id, inbox.bruno});
  CHECK(inbox.refused(inbox.ana, AssignConversation{id, inbox.ana}).code == ErrorCode::forbidden);
}

TEST_CASE("a supervisor reassigns anything; an agent gives their own back to Unassigned") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.supervisor, AssignConversation{id, inbox.bruno});
  inbox.run(inbox.supervisor, AssignConversation{id, inbox.ana});
  CHECK(inbox.conversation(id).assignee == inbox.ana);
  inbox.run(inbox.ana, AssignConversation{id, UserId()});
  CHECK(inbox.conversation(id).status == ConversationStatus::pending);
}

TEST_CASE("assigning to an unknown user is refused") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  CHECK(inbox.refused(inbox.supervisor, AssignConversation{id, UserId(99)}).code == ErrorCode::unknown_user);
}

TEST_CASE("an offered conversation is accepted by the agent it was offered to, and only by them") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.available(inbox.ana);
  inbox.run(UserId(), OfferConversation{id, inbox.ana});
  CHECK(inbox.conversation(id).offered_to == inbox.ana);
  CHECK(inbox.refused(inbox.bruno, AcceptConversation{id}).code == ErrorCode::not_offered);
  inbox.run(inbox.ana, AcceptConversation{id});
  CHECK(inbox.conversation(id).assignee == inbox.ana);
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  CHECK_FALSE(inbox.conversation(id).offered_to.valid());
}

TEST_CASE("agents cannot make offers; the system and supervisors can") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  CHECK(inbox.refused(inbox.ana, OfferConversation{id, inbox.bruno}).code == ErrorCode::forbidden);
  inbox.available(inbox.bruno);
  inbox.run(inbox.supervisor, OfferConversation{id, inbox.bruno});
}

TEST_CASE("an agent who is idle, unavailable or in RONA receives no offer, not even a supervisor's") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  const Error unavailable = inbox.refused(inbox.supervisor, OfferConversation{id, inbox.ana});
  CHECK(unavailable.code == ErrorCode::user_not_available);
  CHECK(unavailable.message == "Ana Agente is unavailable: only an available agent receives offers.");
  inbox.run(inbox.ana, SetUserStatus{inbox.ana, UserStatus::idle});
  CHECK(inbox.refused(UserId(), OfferConversation{id, inbox.ana}).code == ErrorCode::user_not_available);
  inbox.run(UserId(), SetUserStatus{inbox.ana, UserStatus::rona});
  CHECK(inbox.refused(inbox.supervisor, OfferConversation{id, inbox.ana}).message ==
        "Ana Agente is in RONA (no answer to an offer): only an available agent receives offers.");
  // A supervisor may still assign directly, whatever the agent's status.
  inbox.run(inbox.supervisor, AssignConversation{id, inbox.ana});
  CHECK(inbox.conversation(id).assignee == inbox.ana);
}

TEST_CASE("declining an offer withdraws it without RONA; only the offered agent declines") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.available(inbox.ana);
  inbox.run(inbox.supervisor, OfferConversation{id, inbox.ana});
  CHECK(inbox.refused(inbox.bruno, DeclineConversation{id}).code == ErrorCode::not_offered);
  CHECK(inbox.refused(UserId(), DeclineConversation{id}).code == ErrorCode::forbidden);
  inbox.run(inbox.ana, DeclineConversation{id});
  CHECK_FALSE(inbox.conversation(id).offered_to.valid());
  CHECK(inbox.conversation(id).declined_by == inbox.ana);
  CHECK(inbox.conversation(id).status == ConversationStatus::pending);
  CHECK(inbox.state.users[inbox.ana.index()].status == UserStatus::available);
  CHECK(inbox.conversation(id).timeline.back().kind == TimelineKind::offer_declined);
  CHECK(inbox.refused(inbox.ana, DeclineConversation{id}).code == ErrorCode::not_offered);
  CHECK(timers_size(inbox.state.timers) == 0);
}

TEST_CASE("an agent replies to their conversation and it stops being pending") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.advance(kMinute);
  inbox.reply(inbox.ana, id, "Olá! Como posso ajudar? 😊");
  CHECK_FALSE(inbox.conversation(id).awaiting_reply);
  CHECK(inbox.conversation(id).last_message_at == inbox.now_ms);
  CHECK(message_text(inbox.state, MessageId(1)) ==
        "Olá! Como posso ajudar? 😊");
}

TEST_CASE("an empty reply is refused") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "", {}, std::nullopt}).code == ErrorCode::empty_message);
}

TEST_CASE("a reply of 4096 characters is sent; 4097 is refused, counted in characters not bytes") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  std::string text;
  for (int i = 0; i < 4096; ++i) text += "ç";  // 2 bytes each: 8192 bytes, 4096 characters
  inbox.run(inbox.ana, SendMessage{id, text, {}, std::nullopt});
  const Error error = inbox.refused(inbox.ana, SendMessage{id, text + "a", {}, std::nullopt});
  CHECK(error.code == ErrorCode::message_too_long);
  CHECK(error.message.find("4097") != std::string::npos);
}

TEST_CASE("a reply that is not valid UTF-8 is refused") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  CHECK(inbox.refused(inbox.ana, SendMessage{id, std::string("\xC3", 1), {}, std::nullopt}).code ==
        ErrorCode::invalid_text);
}

TEST_CASE("a media reply may go without a caption") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Manda o boleto");
  inbox.run(inbox.ana, SendMessage{id, "", Media{"https://cdn.example.com/boleto.pdf", "application/pdf"}, std::nullopt});
  CHECK(inbox.state.messages.back().form == MessageForm::media);
  CHECK(message_extra(inbox.state, MessageId(1))->media.url == "https://cdn.example.com/boleto.pdf");
}

TEST_CASE("free text on WhatsApp is allowed until 24 hours after the customer's last message, then only templates") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.advance(24 * kHour - 1);
  inbox.reply(inbox.ana, id, "Ainda dentro da janela");
  inbox.advance(1);
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "Tarde demais", {}, std::nullopt}).code ==
        ErrorCode::outside_whatsapp_window);
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "", Media{"https://x/y.png", "image/png"}, std::nullopt}).code ==
        ErrorCode::outside_whatsapp_window);
  inbox.run(inbox.ana, SendMessage{id, "", {}, Template{"retomar_contato", "pt_BR", {"João"}}});
  SUBCASE("a new customer message opens the window again") {
    inbox.customer_writes("+5511987654321", "Oi de novo");
    inbox.reply(inbox.ana, id, "Que bom!");
  }
}

TEST_CASE("the 24-hour window is WhatsApp's: Webchat replies are not limited") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("visitor-42", "hello", inbox.webchat);
  inbox.advance(48 * kHour);
  inbox.reply(inbox.ana, id, "Still here!");
}

TEST_CASE("replying to an unknown conversation is refused") {
  Inbox inbox;
  CHECK(inbox.refused(inbox.ana, SendMessage{ConversationId(7), "hi", {}, std::nullopt}).code ==
        ErrorCode::unknown_conversation);
}

TEST_CASE("an agent cannot reply in a teammate's conversation; an operator can") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.bruno, AssignConversation{id, inbox.bruno});
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "oi", {}, std::nullopt}).code == ErrorCode::forbidden);
  inbox.reply(inbox.operator_, id, "Oi, aqui é o operador");
}

TEST_CASE("replying to a closed conversation is refused") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, CloseConversation{id, inbox.solved});
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "oi", {}, std::nullopt}).code == ErrorCode::conversation_closed);
}

TEST_CASE("a command from a user who does not exist is refused") {
  Inbox inbox;
  CHECK(inbox.refused(UserId(500), CreateTeam{"Ghosts"}).code == ErrorCode::unknown_actor);
}

TEST_CASE("an internal note is kept but does not answer the customer") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AddNote{id, "Cliente VIP, cuidado"});
  CHECK(inbox.conversation(id).awaiting_reply);
  CHECK(inbox.state.messages.back().kind == MessageKind::note);
  CHECK(inbox.refused(inbox.ana, AddNote{id, ""}).code == ErrorCode::empty_message);
}

TEST_CASE("system lines come from the system only") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(UserId(), AddSystemLine{id, "Bot: horário de atendimento 9h-18h"});
  CHECK(inbox.state.messages.back().kind == MessageKind::system);
  CHECK(inbox.refused(inbox.ana, AddSystemLine{id, "x"}).code == ErrorCode::forbidden);
}

TEST_CASE("a Click-to-WhatsApp referral is kept on the conversation for the card") {
  Inbox inbox;
  ReceiveMessage message;
  message.channel = inbox.whatsapp;
  message.from = "+5511987654321";
  message.text = "Vi o anúncio";
  message.referral = Referral{"ad", "120210000000", "https://fb.me/ad", "Promoção de inverno", "50% off", "", kStart - kHour};
  inbox.run(UserId(), message);
  const Referral* referral = conversation_referral(inbox.state, ConversationId(0));
  REQUIRE(referral != nullptr);
  CHECK(referral->headline == "Promoção de inverno");
  CHECK(referral->source_id == "120210000000");
}

TEST_CASE("transfer to a team closes the current attention and starts a new, pending one for the team") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Quero comprar");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.run(inbox.ana, TagConversation{{id}, {"lead"}, TagMode::add});
  inbox.run(inbox.ana, TransferConversation{id, inbox.support, UserId(), ClosingReasonId()});
  const Conversation& old = inbox.conversation(id);
  CHECK(old.status == ConversationStatus::closed);
  const ConversationId next = old.next;
  REQUIRE(next.valid());
  const Conversation& now = inbox.conversation(next);
  CHECK(now.status == ConversationStatus::pending);
  CHECK(now.team == inbox.support);
  CHECK(now.previous == id);
  CHECK(now.awaiting_reply);
  CHECK(now.customer_last_message_at == old.customer_last_message_at);
  CHECK(now.tags == old.tags);
  CHECK(inbox.state.contacts[0].active_conversation == next);
  CHECK(old.timeline.back().kind == TimelineKind::transferred_out);
  CHECK(now.timeline.front().kind == TimelineKind::transferred_in);
}

TEST_CASE("transfer to an agent hands them the new attention, and history stays on the old one") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.reply(inbox.ana, id, "Vou passar para o Bruno");
  inbox.available(inbox.bruno);
  inbox.run(inbox.ana, TransferConversation{id, TeamId(), inbox.bruno, inbox.solved});
  inbox.run(inbox.bruno, AcceptConversation{id});
  const Conversation& now = inbox.conversation(inbox.conversation(id).next);
  CHECK(now.assignee == inbox.bruno);
  CHECK(now.status == ConversationStatus::open);
  CHECK(conversation_messages(inbox.state, id) == std::vector<MessageId>{MessageId(0), MessageId(1)});
  CHECK(conversation_messages(inbox.state, id, 1) == std::vector<MessageId>{MessageId(1)});
  CHECK(inbox.conversation(id).closing_reason == inbox.solved);
}

TEST_CASE("transfer to an agent is a request: the chat stays with its owner until the agent accepts") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, TeamId(), inbox.bruno, {}}).code ==
        ErrorCode::user_not_available);
  inbox.available(inbox.bruno);
  inbox.available(inbox.carla);
  inbox.run(inbox.ana, TransferConversation{id, TeamId(), inbox.bruno, {}});
  const Conversation& asked = inbox.conversation(id);
  CHECK(asked.status == ConversationStatus::open);
  CHECK(asked.assignee == inbox.ana);
  CHECK(asked.transfer.to == inbox.bruno);
  CHECK(asked.transfer.by == inbox.ana);
  CHECK(asked.transfer.expires_at == inbox.now_ms + kOfferTimeoutDefaultMs);
  CHECK(asked.timeline.back().kind == TimelineKind::transfer_requested);
  inbox.reply(inbox.ana, id, "Um momento, por favor");  // the owner still answers meanwhile
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, TeamId(), inbox.carla, {}}).code ==
        ErrorCode::transfer_pending);
  CHECK(inbox.refused(inbox.carla, AcceptConversation{id}).code == ErrorCode::not_offered);
  inbox.run(inbox.bruno, AcceptConversation{id});
  CHECK(inbox.conversation(id).status == ConversationStatus::closed);
  CHECK(inbox.conversation(inbox.conversation(id).next).assignee == inbox.bruno);
}

TEST_CASE("a transfer request declined or not accepted in time is abandoned: the chat stays where it was") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.available(inbox.bruno);
  inbox.run(inbox.ana, TransferConversation{id, TeamId(), inbox.bruno, {}});
  inbox.run(inbox.bruno, DeclineConversation{id});
  CHECK_FALSE(inbox.conversation(id).transfer.to.valid());
  CHECK(inbox.conversation(id).assignee == inbox.ana);
  CHECK(inbox.conversation(id).timeline.back().kind == TimelineKind::transfer_declined);

  inbox.run(inbox.ana, TransferConversation{id, TeamId(), inbox.bruno, {}});
  inbox.advance(kOfferTimeoutDefaultMs - 1);
  CHECK(inbox.conversation(id).transfer.to == inbox.bruno);
  inbox.advance(1);
  CHECK_FALSE(inbox.conversation(id).transfer.to.valid());
  CHECK(inbox.conversation(id).assignee == inbox.ana);
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  CHECK(inbox.conversation(id).timeline.back().kind == TimelineKind::transfer_abandoned);
  CHECK(inbox.state.users[inbox.bruno.index()].status == UserStatus::available);  // not RONA: a request, not the queue
  CHECK(inbox.refused(inbox.bruno, AcceptConversation{id}).code == ErrorCode::not_offered);
}

TEST_CASE("an unassigned chat transferred to an agent who never answers stays in its queue, never lost") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.available(inbox.carla);
  inbox.run(inbox.operator_, TransferConversation{id, inbox.support, inbox.carla, {}});
  CHECK(inbox.conversation(id).status == ConversationStatus::pending);
  inbox.advance(kOfferTimeoutDefaultMs);
  CHECK(inbox.conversation(id).status == ConversationStatus::pending);
  CHECK(inbox.state.contacts[0].active_conversation == id);
}

TEST_CASE("a transfer asks for a closing reason when the workspace requires one") {
  Inbox inbox;
  Settings settings = inbox.state.settings;
  settings.closing_reason_required = true;
  inbox.run(UserId(), UpdateSettings{settings});
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, inbox.support, UserId(), {}}).code ==
        ErrorCode::closing_reason_required);
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, inbox.support, UserId(), ClosingReasonId(9)}).code ==
        ErrorCode::unknown_closing_reason);
  inbox.run(inbox.ana, TransferConversation{id, inbox.support, UserId(), inbox.solved});
  CHECK(inbox.conversation(id).closing_reason == inbox.solved);
}

TEST_CASE("transfer to an unknown agent, an unknown team, or an agent outside the team is refused") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, TeamId(), UserId(77), {}}).code == ErrorCode::unknown_user);
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, TeamId(9), UserId(), {}}).code == ErrorCode::unknown_team);
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, inbox.support, inbox.bruno, {}}).code ==
        ErrorCode::not_a_team_member);
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, TeamId(), UserId(), {}}).code == ErrorCode::invalid_field);
}

TEST_CASE("an agent cannot transfer a teammate's conversation") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.bruno, AssignConversation{id, inbox.bruno});
  CHECK(inbox.refused(inbox.ana, TransferConversation{id, inbox.support, UserId(), {}}).code == ErrorCode::forbidden);
}

TEST_CASE("conference: the owner invites, the invitee joins and replies, leaves; the owner ends it") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.available(inbox.bruno);
  inbox.available(inbox.carla);
  inbox.run(inbox.ana, InviteToConference{id, inbox.bruno});
  CHECK(inbox.refused(inbox.bruno, SendMessage{id, "oi", {}, std::nullopt}).code == ErrorCode::forbidden);
  inbox.run(inbox.bruno, JoinConference{id});
  inbox.reply(inbox.bruno, id, "Oi, sou o Bruno, especialista");
  inbox.run(inbox.bruno, LeaveConference{id});
  CHECK(inbox.conversation(id).conference.empty());
  inbox.run(inbox.ana, InviteToConference{id, inbox.carla});
  inbox.run(inbox.carla, JoinConference{id});
  inbox.run(inbox.ana, EndConference{id});
  CHECK(inbox.conversation(id).conference.empty());
  CHECK(inbox.conversation(id).assignee == inbox.ana);
}

TEST_CASE("conference refusals: not invited, already in, not the owner, no conference, not available") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  // A conference request, like an offer, reaches only an available agent (users start unavailable).
  const Error unavailable = inbox.refused(inbox.ana, InviteToConference{id, inbox.bruno});
  CHECK(unavailable.code == ErrorCode::user_not_available);
  CHECK(unavailable.message.find("only an available agent receives conference requests") != std::string::npos);
  inbox.available(inbox.bruno);
  CHECK(inbox.refused(inbox.bruno, JoinConference{id}).code == ErrorCode::not_invited);
  CHECK(inbox.refused(inbox.ana, EndConference{id}).code == ErrorCode::not_in_conference);
  CHECK(inbox.refused(inbox.ana, InviteToConference{id, inbox.ana}).code == ErrorCode::already_in_conference);
  inbox.run(inbox.ana, InviteToConference{id, inbox.bruno});
  CHECK(inbox.refused(inbox.ana, InviteToConference{id, inbox.bruno}).code == ErrorCode::already_in_conference);
  inbox.run(inbox.bruno, JoinConference{id});
  CHECK(inbox.refused(inbox.bruno, JoinConference{id}).code == ErrorCode::already_in_conference);
  CHECK(inbox.refused(inbox.bruno, InviteToConference{id, inbox.carla}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.bruno, EndConference{id}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.carla, LeaveConference{id}).code == ErrorCode::not_in_conference);
  CHECK(inbox.refused(inbox.ana, InviteToConference{id, UserId(99)}).code == ErrorCode::unknown_user);
}

TEST_CASE("closing ends the conference and frees the contact for a new attention") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  inbox.available(inbox.bruno);
  inbox.run(inbox.ana, InviteToConference{id, inbox.bruno});
  inbox.run(inbox.ana, CloseConversation{id, inbox.solved});
  CHECK(inbox.conversation(id).conference.empty());
  CHECK(inbox.conversation(id).closing_reason == inbox.solved);
  CHECK_FALSE(inbox.state.contacts[0].active_conversation.valid());
  CHECK(inbox.refused(inbox.ana, CloseConversation{id, inbox.solved}).code == ErrorCode::conversation_closed);
}

TEST_CASE("closing needs a reason from the list when the workspace requires one") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  Settings settings = inbox.state.settings;
  settings.closing_reason_required = true;
  inbox.run(inbox.admin, UpdateSettings{settings});
  CHECK(inbox.refused(inbox.ana, CloseConversation{id, ClosingReasonId()}).code == ErrorCode::closing_reason_required);
  CHECK(inbox.refused(inbox.ana, CloseConversation{id, ClosingReasonId(42)}).code == ErrorCode::unknown_closing_reason);
  inbox.run(inbox.ana, CloseConversation{id, inbox.spam});
}

TEST_CASE("closing without a reason is fine when the workspace does not require one") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, CloseConversation{id, ClosingReasonId()});
  CHECK(inbox.conversation(id).status == ConversationStatus::closed);
}

TEST_CASE("tags on a conversation are added to, or replace, the existing ones") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, TagConversation{id, {"vip", "boleto"}, TagMode::add});
  inbox.run(inbox.ana, TagConversation{id, {"urgente", "vip"}, TagMode::add});
  CHECK(inbox.conversation(id).tags.size() == 3);
  CHECK(inbox.state.tags.size() == 3);
  inbox.run(inbox.ana, TagConversation{id, {"resolvido"}, TagMode::replace});
  REQUIRE(inbox.conversation(id).tags.size() == 1);
  CHECK(inbox.state.tags[inbox.conversation(id).tags[0].index()].name == "resolvido");
  CHECK(inbox.refused(inbox.ana, TagConversation{id, {"resolvido"}, TagMode::add}).code == ErrorCode::no_change);
  CHECK(inbox.refused(inbox.ana, TagConversation{id, {""}, TagMode::add}).code == ErrorCode::invalid_name);
}

TEST_CASE("tags replace the existing ones unless adding is asked for, on conversations and contacts alike") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.ana, TagConversation{id, {"vip"}, TagMode::add});
  TagConversation retag;
  retag.conversation = id;
  retag.tags = {"boleto"};
  CHECK(retag.mode == TagMode::replace);
  inbox.run(inbox.ana, retag);
  CHECK(inbox.conversation(id).tags.size() == 1);
  TagContact contact;
  contact.contact = ContactId(0);
  contact.tags = {"cliente"};
  inbox.run(inbox.ana, TagContact{ContactId(0), {"madrid"}, TagMode::add});
  inbox.run(inbox.ana, contact);
  CHECK(inbox.state.contacts[0].tags.size() == 1);
  // A command without a mode (JSON without the field) replaces too.
  Result<Command> parsed = parse_command(R"({"type": "tag_contact", "actor": 3, "contact": 0, "tags": ["a"]})");
  REQUIRE(parsed.ok());
  CHECK(std::get<TagContact>(parsed.value().body).mode == TagMode::replace);
}

TEST_CASE("refusals name the actor's role with the right article") {
  Inbox inbox;
  CHECK(inbox.refused(inbox.supervisor, AddSystemLine{ConversationId(0), "x"}).message ==
        "Not allowed for a supervisor: system lines come only from the system.");
  CHECK(inbox.refused(inbox.ana, CreateTeam{"Nueva"}).message == "Not allowed for an agent: create teams.");
  CHECK(inbox.refused(inbox.operator_, CreateTeam{"Nueva"}).message == "Not allowed for an operator: create teams.");
}

TEST_CASE("tags on a contact are added to, or replace, the existing ones") {
  Inbox inbox;
  inbox.run(inbox.ana, CreateContact{"Lucía", "", "lucia@example.es"});
  inbox.run(inbox.ana, TagContact{ContactId(0), {"cliente"}, TagMode::add});
  inbox.run(inbox.ana, TagContact{ContactId(0), {"madrid"}, TagMode::add});
  CHECK(inbox.state.contacts[0].tags.size() == 2);
  inbox.run(inbox.ana, TagContact{ContactId(0), {"ex-cliente"}, TagMode::replace});
  CHECK(inbox.state.contacts[0].tags.size() == 1);
  CHECK(inbox.refused(inbox.ana, TagContact{ContactId(3), {"x"}, TagMode::add}).code == ErrorCode::unknown_contact);
}

TEST_CASE("contacts: E.164 phones, valid emails, one contact per phone, custom properties") {
  Inbox inbox;
  CHECK(inbox.refused(inbox.ana, CreateContact{"X", "11 98765-4321", ""}).code == ErrorCode::invalid_phone);
  CHECK(inbox.refused(inbox.ana, CreateContact{"X", "", "not-an-email"}).code == ErrorCode::invalid_email);
  CHECK(inbox.refused(inbox.ana, CreateContact{"", "", ""}).code == ErrorCode::invalid_name);
  inbox.run(inbox.ana, CreateContact{"Pedro", "+351 912 345 678", ""});
  CHECK(inbox.refused(inbox.ana, CreateContact{"Outro", "+351912345678", ""}).code == ErrorCode::duplicate_phone);
  inbox.run(inbox.ana, SetContactProperty{ContactId(0), "cidade", "Lisboa"});
  inbox.run(inbox.ana, SetContactProperty{ContactId(0), "plano", "ouro"});
  inbox.run(inbox.ana, SetContactProperty{ContactId(0), "cidade", ""});
  REQUIRE(inbox.state.contacts[0].properties.size() == 1);
  CHECK(inbox.state.contacts[0].properties[0].value == "ouro");
  inbox.run(inbox.ana, UpdateContact{ContactId(0), "Pedro Álvares", "+351 912 000 000", "pedro@example.pt"});
  CHECK(inbox.state.contacts[0].phone == "+351912000000");
}

TEST_CASE("workspace settings, teams, channels and closing reasons are for Administrators and Supervisors") {
  Inbox inbox;
  Settings settings;
  settings.automatic_assignment = true;
  CHECK(inbox.refused(inbox.ana, UpdateSettings{settings}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.operator_, UpdateSettings{settings}).code == ErrorCode::forbidden);
  inbox.run(inbox.supervisor, UpdateSettings{settings});
  CHECK(inbox.state.settings.automatic_assignment);
  CHECK(inbox.refused(inbox.operator_, CreateTeam{"Billing"}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.ana, CreateClosingReason{"Sem resposta"}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.ana, CreateChannel{ChannelKind::instagram, "IG", "@loja"}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.ana, SetTeamMembers{inbox.sales, {inbox.ana}}).code == ErrorCode::forbidden);
  inbox.run(inbox.admin, CreateTeam{"Billing"});
  CHECK(inbox.refused(inbox.admin, CreateTeam{"billing"}).code == ErrorCode::duplicate_name);
  CHECK(inbox.refused(inbox.admin, CreateClosingReason{"resolvido"}).code == ErrorCode::duplicate_name);
  CHECK(inbox.refused(inbox.admin, SetTeamMembers{inbox.sales, {inbox.ana, inbox.ana}}).code ==
        ErrorCode::invalid_field);
  CHECK(inbox.refused(inbox.admin, SetTeamMembers{inbox.sales, {UserId(99)}}).code == ErrorCode::unknown_user);
}

TEST_CASE("only an administrator adds administrators; agents add nobody") {
  Inbox inbox;
  CHECK(inbox.refused(inbox.supervisor, CreateUser{"Eve", "", Role::administrator}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.ana, CreateUser{"Eve", "", Role::agent}).code == ErrorCode::forbidden);
  inbox.run(inbox.supervisor, CreateUser{"Eve", "eve@example.com", Role::agent});
  inbox.run(inbox.admin, CreateUser{"Root", "", Role::administrator});
}

TEST_CASE("a user's email is their login: a second user with it, in any case, is refused; no email is no login") {
  Inbox inbox;
  inbox.run(inbox.admin, CreateUser{"Eve", "eve@example.com", Role::agent});
  const Error refused = inbox.refused(inbox.admin, CreateUser{"Eve Two", "EVE@Example.com", Role::agent});
  CHECK(refused.code == ErrorCode::duplicate_email);
  CHECK(refused.message == "Another user already has the email EVE@Example.com.");
  inbox.run(inbox.admin, CreateUser{"No Mail 1", "", Role::agent});
  inbox.run(inbox.admin, CreateUser{"No Mail 2", "", Role::agent});
}

TEST_CASE("status: agents set their own; RONA is set by the system and cleared only by the agent") {
  Inbox inbox;
  inbox.run(inbox.ana, SetUserStatus{inbox.ana, UserStatus::available});
  CHECK(inbox.state.users[inbox.ana.index()].status_changed_at == inbox.now_ms);
  CHECK(inbox.refused(inbox.ana, SetUserStatus{inbox.bruno, UserStatus::available}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.ana, SetUserStatus{inbox.ana, UserStatus::rona}).code == ErrorCode::forbidden);
  inbox.run(UserId(), SetUserStatus{inbox.ana, UserStatus::rona});
  CHECK(inbox.refused(inbox.supervisor, SetUserStatus{inbox.ana, UserStatus::available}).code == ErrorCode::forbidden);
  inbox.run(inbox.ana, SetUserStatus{inbox.ana, UserStatus::available});
  inbox.run(inbox.supervisor, SetUserStatus{inbox.ana, UserStatus::unavailable});
}

TEST_CASE("every event records who acted and when; users' last activity follows their events") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.advance(5 * kMinute);
  const std::vector<Event> events = inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  REQUIRE(events.size() == 1);
  CHECK(events[0].actor == inbox.ana);
  CHECK(events[0].at_ms == inbox.now_ms);
  CHECK(inbox.state.users[inbox.ana.index()].last_activity_at == inbox.now_ms);
  CHECK_FALSE(inbox.log.front().actor.valid());
}

TEST_CASE("decide never changes the state, even for commands it accepts") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  const State before = inbox.state;
  CHECK(inbox.attempt(inbox.ana, TransferConversation{id, inbox.support, UserId(), {}}).ok());
  CHECK(inbox.state == before);
}

TEST_CASE("a team is renamed by a manager; the name stays unique, and an agent may not") {
  Inbox inbox;
  CHECK(inbox.refused(inbox.ana, UpdateTeam{inbox.sales, "Ventas"}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.supervisor, UpdateTeam{inbox.sales, "support"}).code == ErrorCode::duplicate_name);
  CHECK(inbox.refused(inbox.supervisor, UpdateTeam{inbox.sales, "Sales"}).code == ErrorCode::no_change);
  CHECK(inbox.refused(inbox.supervisor, UpdateTeam{TeamId(9), "X"}).code == ErrorCode::unknown_team);
  inbox.run(inbox.supervisor, UpdateTeam{inbox.sales, "Ventas"});
  CHECK(inbox.state.teams[inbox.sales.index()].name == "Ventas");
}

TEST_CASE("deleting a team sends its open chats and channels to the default team; nothing refers to it after") {
  Inbox inbox;
  Settings settings = inbox.state.settings;
  settings.automatic_assignment = true;
  settings.default_team = inbox.support;
  inbox.run(inbox.admin, UpdateSettings{settings});
  inbox.run(UserId(), SetChannelTeam{inbox.whatsapp, inbox.sales});
  const ConversationId waiting = inbox.customer_writes("+5511987654321", "Oi");  // nobody available in Sales
  const ConversationId taken = inbox.customer_writes("+5511987654322", "Olá");
  inbox.run(inbox.ana, AssignConversation{taken, inbox.ana});
  REQUIRE(inbox.conversation(waiting).team == inbox.sales);
  CHECK(inbox.refused(inbox.admin, DeleteTeam{inbox.support}).code == ErrorCode::invalid_field);  // the default
  CHECK(inbox.refused(inbox.ana, DeleteTeam{inbox.sales}).code == ErrorCode::forbidden);
  inbox.available(inbox.carla);
  inbox.run(inbox.admin, DeleteTeam{inbox.sales});
  CHECK(find_team(inbox.state, inbox.sales) == nullptr);
  CHECK(inbox.state.teams[inbox.sales.index()].members.empty());
  CHECK_FALSE(inbox.state.channels[inbox.whatsapp.index()].team.valid());
  CHECK(inbox.conversation(waiting).team == inbox.support);
  CHECK(inbox.conversation(waiting).assignee == inbox.carla);  // handed out in its new team at once
  CHECK(inbox.conversation(taken).team == inbox.support);
  CHECK(inbox.conversation(taken).assignee == inbox.ana);  // a chat someone has stays theirs
  CHECK(inbox.refused(inbox.ana, TransferConversation{taken, inbox.sales, UserId(), {}}).code == ErrorCode::unknown_team);
  CHECK(inbox.refused(inbox.admin, DeleteTeam{inbox.sales}).code == ErrorCode::unknown_team);
  const ConversationId next = inbox.customer_writes("+5511987654323", "Bom dia");
  CHECK(inbox.conversation(next).team == inbox.support);
  inbox.run(inbox.admin, CreateTeam{"Sales"});  // the name is free again
  CHECK(rebuild_routing(inbox.state) == inbox.state.routing);
}
