#include "app/shell.h"

#include <doctest/doctest.h>

#include <ios>

#include "shell_fixture.h"

using namespace inbox;

using namespace inbox::test;

TEST_CASE("the fonts cover es/pt/fr accents, typographic punctuation and emoji") {
  ShellFixture f;
  REQUIRE(f.ui.fonts_loaded);
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  for (ImWchar c : {U'á', U'ñ', U'ç', U'ã', U'õ', U'œ', U'€', U'“', U'”', U'—', U'😊', U'📦', U'🙏', U'☎'}) {
    CHECK_MESSAGE(font->FindGlyphNoFallback(c) != nullptr, "missing glyph U+" << std::hex << static_cast<int>(c));
  }
}

TEST_CASE("an emoji's style selector and joiner take no room, instead of showing as \"?\"") {
  ShellFixture f;
  REQUIRE(f.ui.fonts_loaded);
  ImGui::NewFrame();
  CHECK(ImGui::CalcTextSize("Is the sale on? ☀️").x == ImGui::CalcTextSize("Is the sale on? ☀").x);
  CHECK(ImGui::CalcTextSize("❤️").x == ImGui::CalcTextSize("❤").x);
  CHECK(ImGui::CalcTextSize("a\u200Db").x == ImGui::CalcTextSize("ab").x);
  CHECK(ImGui::CalcTextSize("a?").x > ImGui::CalcTextSize("a").x);  // what the missing glyph would have added
  ImGui::EndFrame();
}

TEST_CASE("the locator records the three columns' widgets with their labels and rectangles") {
  ShellFixture f;
  for (const char* label : {"Mine", "Unassigned", "Open", "Pending", "Scheduled", "Closed", "##search"}) {
    const ui::LocatedItem* item = f.find(label);
    REQUIRE_MESSAGE(item != nullptr, label);
    CHECK(item->max.x > item->min.x);
    CHECK(item->max.y > item->min.y);
    CHECK(item->enabled);
  }
  CHECK(f.find("Mine")->max.x <= f.find("Open")->min.x);  // sections sit left of the list
}

TEST_CASE("the locator keeps only the last finished frame") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  CHECK(f.shows("##compose"));
  f.frame();
  const size_t before = ui::locator_last_frame().size();
  f.frame();
  CHECK(ui::locator_last_frame().size() == before);
}

TEST_CASE("an agent sees only Mine and Unassigned; a supervisor also sees All and Teammates") {
  ShellFixture f;
  CHECK(f.shows("Mine"));
  CHECK(f.shows("Unassigned"));
  CHECK_FALSE(f.shows("All"));
  CHECK_FALSE(f.shows("Teammates"));
  f.shell.viewer = UserId(2);
  f.frame();
  CHECK(f.shows("All"));
  CHECK(f.shows("Teammates"));
}

TEST_CASE("an agent clicks Unassigned then Pending: the waiting customer is listed instead of their own") {
  ShellFixture f;
  CHECK(f.lists("Lucía Fernández"));
  CHECK_FALSE(f.lists("Françoise Lefèvre"));
  f.click("Unassigned");
  f.click("Pending");
  CHECK(f.lists("Françoise Lefèvre"));
  CHECK_FALSE(f.lists("Lucía Fernández"));
}

TEST_CASE("an agent picks up an unassigned conversation with Assign to me") {
  ShellFixture f;
  f.click("Unassigned");
  f.click("Pending");
  f.click(f.row("Françoise Lefèvre"));
  f.click("Assign to me");
  const Conversation& c = f.engine.state().conversations[1];
  CHECK(c.assignee == UserId(0));
}

TEST_CASE("Send is disabled until the agent types, and a sent reply lands in the conversation") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  REQUIRE(f.find("Send") != nullptr);
  CHECK_FALSE(f.find("Send")->enabled);
  f.shell.compose = "¡Listo! Código: BR-123 ✅";
  f.frame();
  CHECK(f.find("Send")->enabled);
  const size_t before = f.engine.state().messages.size();
  f.click("Send");
  REQUIRE(f.engine.state().messages.size() == before + 1);
  CHECK(message_text(f.engine.state(), MessageId(static_cast<uint32_t>(before))) == "¡Listo! Código: BR-123 ✅");
  CHECK(f.shell.compose.empty());
}

TEST_CASE("a reply over 4096 characters cannot be sent") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.shell.compose = std::string(4096, 'a');
  f.frame();
  CHECK(f.find("Send")->enabled);
  f.shell.compose += "é";
  f.frame();
  CHECK_FALSE(f.find("Send")->enabled);
}

TEST_CASE("outside the 24-hour WhatsApp window free text cannot be sent") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.shell.compose = "Olá!";
  f.clock.now_ms = kStart + kMinute + 24 * 60 * kMinute;  // exactly 24 h after Lucía wrote
  f.frame();
  CHECK_FALSE(f.find("Send")->enabled);
}

TEST_CASE("a refused command shows the core's message as a toast, which goes away by itself") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  // Ana opens Marc's conversation (say, from a stale link): an agent may not reply in a teammate's.
  f.shell.selected = ConversationId(2);
  f.shell.compose = "Hello";
  f.frame();
  REQUIRE(f.find("Send") != nullptr);
  REQUIRE(f.find("Send")->enabled);
  f.click("Send");
  CHECK(f.engine.state().messages.size() == 3);  // nothing sent
  REQUIRE(f.shell.toasts.shown.size() == 1);
  CHECK_FALSE(f.shell.toasts.shown[0].text.empty());
  CHECK(f.wake_at_ms == f.clock.now_ms + ui::kToastShownMs);
  f.clock.now_ms = f.wake_at_ms;
  f.frame();
  CHECK(f.shell.toasts.shown.empty());
  CHECK(f.wake_at_ms == 0);
}

TEST_CASE("search 'sao paulo' finds the conversation that mentions São Paulo") {
  ShellFixture f;
  f.shell.search = "sao paulo";
  f.frame();
  f.frame();
  CHECK(f.lists("Lucía Fernández"));
  CHECK_FALSE(f.lists("Françoise Lefèvre"));
}

TEST_CASE("the demo workspace signs in as an agent who has open conversations") {
  auto engine = sync::LocalEngine::from_script(demo_script(7, kStart));
  REQUIRE(engine.ok());
  const State& state = engine.value().state();
  const UserId viewer = ui::default_viewer(state);
  REQUIRE(viewer.valid());
  CHECK(state.users[viewer.index()].role == Role::agent);
  CHECK(section_counts(state, viewer, Section::mine).by_status[0] > 0);
}

namespace {
void press_key(ShellFixture& f, ImGuiKey key, bool shift = false) {
  ImGuiIO& io = ImGui::GetIO();
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
  f.frame();
  io.AddKeyEvent(key, true);
  f.frame();
  io.AddKeyEvent(key, false);
  f.frame();
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
  f.frame();
}
}  // namespace

TEST_CASE("Enter sends the reply, Shift+Enter breaks the line, and the caret stays in the compose box") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("##compose");
  f.type("Linha 1");
  press_key(f, ImGuiKey_Enter, /*shift=*/true);
  f.type("Linha 2");
  CHECK(f.shell.compose == "Linha 1\nLinha 2");
  const size_t before = f.engine.state().messages.size();
  press_key(f, ImGuiKey_Enter);
  REQUIRE(f.engine.state().messages.size() == before + 1);
  CHECK(message_text(f.engine.state(), MessageId(static_cast<uint32_t>(before))) == "Linha 1\nLinha 2");
  CHECK(f.shell.compose.empty());
  f.type("E mais");
  CHECK(f.shell.compose == "E mais");
}

TEST_CASE("an internal note can be added even after the customer's window closed") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.clock.now_ms += 25 * 60 * kMinute;
  f.click("Internal note");
  f.shell.compose = "Cliente VIP: ligar amanhã";
  f.frame();
  REQUIRE(f.find("Add note") != nullptr);
  CHECK(f.find("Add note")->enabled);
  f.click("Add note");
  const Message& note = f.engine.state().messages.back();
  CHECK(note.kind == MessageKind::note);
  CHECK(message_text(f.engine.state(), MessageId(static_cast<uint32_t>(f.engine.state().messages.size() - 1))) ==
        "Cliente VIP: ligar amanhã");
}

TEST_CASE("Reset demo asks first, then tells the platform to start afresh") {
  ShellFixture f;
  f.click("Reset demo");
  REQUIRE(f.shows("Cancel"));
  f.click("Cancel");
  CHECK_FALSE(f.shell.demo.reset_requested);
  f.click("Reset demo");
  f.click("Reset");
  CHECK(f.shell.demo.reset_requested);
}

TEST_CASE("the demo panel turns the simulated customers and teammates on and off and asks for a customer now") {
  ShellFixture f;
  REQUIRE(f.shell.demo.simulator.customers_write);
  f.click("Customers write in");
  CHECK_FALSE(f.shell.demo.simulator.customers_write);
  f.click("Teammates answer");
  CHECK_FALSE(f.shell.demo.simulator.teammates_work);
  CHECK(f.shows("##customer_rate"));
  f.click("A customer writes now");
  CHECK(f.shell.demo.customer_write_requested);
}

TEST_CASE("a simulated person's refusal shows no toast; the signed-in user's own refusal does") {
  ShellFixture f;
  const Command refused{UserId(0), CloseConversation{ConversationId(99), {}}};  // no such conversation
  f.engine.submit_as(sync::Submitter::simulated, refused, f.clock.now_ms);
  f.frame();
  CHECK(f.shell.toasts.shown.empty());
  f.engine.submit(refused, f.clock.now_ms);
  f.frame();
  CHECK(f.shell.toasts.shown.size() == 1);
}
