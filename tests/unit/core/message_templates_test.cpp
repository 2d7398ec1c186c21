// Approved WhatsApp templates: the workspace's list, placeholders, and sending one outside the window.
#include "core/message_templates.h"

#include <doctest/doctest.h>

#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("a body's placeholders are {{1}}..{{n}} without gaps") {
  CHECK(template_placeholders("Hola").value() == 0);
  CHECK(template_placeholders("Hola {{1}}, tu pedido {{2}} llegó. Gracias {{1}}!").value() == 2);
  CHECK(template_placeholders("{{2}} sin {{1}}").value() == 2);
  CHECK_FALSE(template_placeholders("Hola {{2}}").ok());  // {{1}} missing
  CHECK_FALSE(template_placeholders("Hola {{nome}}").ok());
  CHECK_FALSE(template_placeholders("Hola {{0}}").ok());
  CHECK_FALSE(template_placeholders("Hola {{21}}").ok());
  CHECK_FALSE(template_placeholders("Hola {{1").ok());
  CHECK(template_placeholders("Hola {{}}").error().code == ErrorCode::invalid_field);
}

TEST_CASE("an administrator lists a template; an agent may not, and the same name and language twice is refused") {
  Inbox inbox;
  const size_t before = inbox.state.templates.size();
  inbox.run(inbox.admin, CreateTemplate{"pedido_enviado", "es", "Hola {{1}}, tu pedido {{2}} salió hoy 📦"});
  REQUIRE(inbox.state.templates.size() == before + 1);
  CHECK(inbox.state.templates.back().params == 2);
  CHECK(find_template(inbox.state, "pedido_enviado", "es") == &inbox.state.templates.back());
  CHECK(find_template(inbox.state, "pedido_enviado", "pt_BR") == nullptr);
  CHECK(inbox.refused(inbox.ana, CreateTemplate{"otro", "es", "Hola"}).code == ErrorCode::forbidden);
  CHECK(inbox.refused(inbox.admin, CreateTemplate{"pedido_enviado", "es", "Otra"}).code == ErrorCode::duplicate_name);
  CHECK(inbox.refused(inbox.admin, CreateTemplate{"roto", "es", "Hola {{2}}"}).code == ErrorCode::invalid_field);
  CHECK(inbox.refused(inbox.admin, CreateTemplate{"vacio", "es", ""}).code == ErrorCode::empty_message);
  inbox.run(inbox.admin, CreateTemplate{"pedido_enviado", "pt_BR", "Olá {{1}}"});  // another language
}

TEST_CASE("outside the window an agent sends an approved template: its text is the body filled in") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511987654321", "Oi");
  inbox.run(inbox.admin, AssignConversation{id, inbox.ana});
  inbox.advance(kWhatsAppWindowMs + 1);
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "Oi de novo", {}, std::nullopt}).code ==
        ErrorCode::outside_whatsapp_window);
  inbox.run(inbox.ana, SendMessage{id, "", {}, Template{"retomar_contato", "pt_BR", {"João"}}});
  const MessageId sent(static_cast<uint32_t>(inbox.state.messages.size() - 1));
  CHECK(message_text(inbox.state, sent) == "Olá João, podemos retomar a nossa conversa?");
  CHECK(inbox.state.messages.back().form == MessageForm::template_);
  CHECK(message_extra(inbox.state, sent)->template_.params == std::vector<std::string>{"João"});

  CHECK(inbox.refused(inbox.ana, SendMessage{id, "", {}, Template{"nao_aprovado", "pt_BR", {}}}).code ==
        ErrorCode::unknown_template);
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "", {}, Template{"retomar_contato", "pt_BR", {}}}).code ==
        ErrorCode::invalid_field);
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "", {}, Template{"retomar_contato", "es", {"João"}}}).code ==
        ErrorCode::unknown_template);
}

TEST_CASE("starting a conversation with a template writes its filled-in text") {
  Inbox inbox;
  inbox.run(inbox.ana, CreateContact{"Lucía", "+34 612 345 678", ""});
  inbox.run(inbox.ana, StartConversation{ContactId(0), inbox.whatsapp, Template{"seguimiento", "es", {"Lucía"}}});
  CHECK(message_text(inbox.state, MessageId(static_cast<uint32_t>(inbox.state.messages.size() - 1))) ==
        "Hola Lucía, ¿pudiste revisar nuestra propuesta?");
}
