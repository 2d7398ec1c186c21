#include "app/shell.h"

#include <doctest/doctest.h>

#include <ios>
#include <string>
#include <vector>

#include "app/test_locator.h"
#include "core/seed_data.h"
#include "platform/headless/headless.h"
#include "sync/local_engine.h"

using namespace inbox;

namespace {

constexpr int64_t kStart = 1'717'000'000'000;  // 2024-05-29
constexpr int64_t kMinute = 60'000;

// A small workspace through the engine seam: Ana (agent) has Lucía's conversation; Françoise waits
// unassigned; Marc (agent) has Zoë's; Sofía supervises.
std::vector<TimedCommand> workspace_script() {
  std::vector<TimedCommand> s;
  auto at = [&](int64_t minute, UserId actor, CommandBody body) { s.push_back({kStart + minute * kMinute, Command{actor, std::move(body)}}); };
  const UserId system;
  at(0, system, CreateUser{"Ana Souza", "", Role::agent});
  at(0, system, CreateUser{"Marc Dubois", "", Role::agent});
  at(0, system, CreateUser{"Sofía Supervisora", "", Role::supervisor});
  at(0, system, CreateTeam{"Support"});
  at(0, system, SetTeamMembers{TeamId(0), {UserId(0), UserId(1)}});
  at(0, system, CreateChannel{ChannelKind::whatsapp, "WhatsApp", "+5511400000000"});
  auto writes = [&](int64_t minute, const char* from, const char* name, const char* text) {
    ReceiveMessage m;
    m.channel = ChannelId(0);
    m.from = from;
    m.profile_name = name;
    m.text = text;
    at(minute, system, m);
  };
  writes(1, "+34612345678", "Lucía Fernández", "Hola, ¿el envío a São Paulo incluye seguimiento? 📦");
  at(2, UserId(0), AssignConversation{ConversationId(0), UserId(0)});
  writes(3, "+33612345678", "Françoise Lefèvre", "Bonjour, ma commande n’est pas arrivée 😊");
  writes(4, "+447700900123", "Zoë O’Connor", "Hi! Can I change my plan to annual? 💳");
  at(5, UserId(1), AssignConversation{ConversationId(2), UserId(1)});
  return s;
}

struct ShellFixture {
  headless::HeadlessUi ui = headless::create_ui(ImVec2(1280, 800), 1.0f);
  sync::LocalEngine engine = sync::LocalEngine::from_script(workspace_script()).value();
  ui::ShellState shell;
  ui::LocalClock clock{kStart + 10 * kMinute, 0};
  int64_t wake_at_ms = 0;

  ShellFixture() {
    shell.viewer = UserId(0);
    frame();  // tab bars lay out their tabs during the first frame and place them from the second on
    frame();
  }
  ~ShellFixture() { headless::destroy_ui(ui); }

  std::function<void()> draw() {
    return [this] { wake_at_ms = ui::draw_shell(shell, engine, clock); };
  }
  void frame() { headless::run_frame(ui, draw()); }

  const ui::LocatedItem* find(const std::string& label) const {
    for (const auto& item : ui::locator_last_frame()) {
      if (item.label == label) return &item;
    }
    return nullptr;
  }
  // Conversation rows are labelled "<contact>##conv<id>".
  const ui::LocatedItem* row(const std::string& contact) const {
    for (const auto& item : ui::locator_last_frame()) {
      if (item.label.rfind(contact + "##conv", 0) == 0) return &item;
    }
    return nullptr;
  }
  bool shows(const std::string& label) const { return find(label) != nullptr; }
  bool lists(const std::string& contact) const { return row(contact) != nullptr; }

  void click(const ui::LocatedItem* item) {
    REQUIRE(item != nullptr);
    const ImVec2 center((item->min.x + item->max.x) / 2, (item->min.y + item->max.y) / 2);
    headless::click(ui, center, draw());
  }
  void click(const std::string& label) {
    INFO("clicking " << label);
    click(find(label));
  }
};

}  // namespace

TEST_CASE("the fonts cover es/pt/fr accents, typographic punctuation and emoji") {
  ShellFixture f;
  REQUIRE(f.ui.fonts_loaded);
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  for (ImWchar c : {U'á', U'ñ', U'ç', U'ã', U'õ', U'œ', U'€', U'“', U'”', U'—', U'😊', U'📦', U'🙏', U'☎'}) {
    CHECK_MESSAGE(font->FindGlyphNoFallback(c) != nullptr, "missing glyph U+" << std::hex << static_cast<int>(c));
  }
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
