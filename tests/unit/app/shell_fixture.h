// The UI tests' workspace and driver: a small inbox behind the engine seam, drawn headless, clicked through
// the test locator like the browser tests do.
#pragma once
#include <doctest/doctest.h>
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "app/shell.h"
#include "app/test_locator.h"
#include "core/seed_data.h"
#include "platform/headless/headless.h"
#include "sync/local_engine.h"

namespace inbox::test {

constexpr int64_t kStart = 1'717'000'000'000;  // 2024-05-29
constexpr int64_t kMinute = 60'000;

// A small workspace through the engine seam: Ana (agent) has Lucía's conversation; Françoise waits
// unassigned; Marc (agent) has Zoë's; Sofía supervises.
inline std::vector<TimedCommand> workspace_script() {
  std::vector<TimedCommand> s;
  auto at = [&](int64_t minute, UserId actor, CommandBody body) { s.push_back({kStart + minute * kMinute, Command{actor, std::move(body)}}); };
  const UserId system;
  at(0, system, CreateUser{"Ana Souza", "", Role::agent});
  at(0, system, CreateUser{"Marc Dubois", "", Role::agent});
  at(0, system, CreateUser{"Sofía Supervisora", "", Role::supervisor});
  at(0, system, CreateTeam{"Support"});
  at(0, system, SetTeamMembers{TeamId(0), {UserId(0), UserId(1)}});
  at(0, system, CreateChannel{ChannelKind::whatsapp, "WhatsApp", "+5511400000000"});
  at(0, system, CreateClosingReason{"Resolvido"});
  at(0, system, CreateClosingReason{"Spam"});
  at(0, system, CreateClosingReason{"Sem resposta"});
  at(0, system, CreateTemplate{"retomar_contato", "pt_BR", "Olá {{1}}, podemos retomar a nossa conversa?"});
  at(0, system, CreateTemplate{"pedido_enviado", "es", "Hola {{1}}, tu pedido {{2}} salió hoy."});
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
  // The first item whose label starts with prefix (labels often carry an "##id" suffix).
  const ui::LocatedItem* find_prefix(const std::string& prefix) const {
    for (const auto& item : ui::locator_last_frame()) {
      if (item.label.rfind(prefix, 0) == 0) return &item;
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
  // Types into the focused text field, as a keyboard would.
  void type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
    frame();
  }
  const Conversation& conversation(uint32_t index) const { return engine.state().conversations.at(index); }
  // The user sets themselves available (users start unavailable; offers and requests reach only the available).
  void available(UserId user) {
    engine.submit(Command{user, SetUserStatus{user, UserStatus::available}}, clock.now_ms);
    frame();
  }
};


}  // namespace inbox::test
