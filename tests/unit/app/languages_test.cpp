// The UI in another language: the shell draws the catalog's words, the language picker switches back, and the
// chosen status tab survives the switch (tab ids are their labels).
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <sstream>

#include "app/i18n.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

// Loads a shipped catalog for the test and puts English back afterwards, whatever happens.
struct LanguageScope {
  explicit LanguageScope(ui::Language language) {
    std::ifstream file(std::string(INBOX_SOURCE_DIR) + "/assets/i18n/" + ui::language_code(language) + ".json");
    std::stringstream text;
    text << file.rdbuf();
    REQUIRE_FALSE(ui::load_catalog(language, text.str()).has_value());
  }
  ~LanguageScope() { ui::set_language(ui::Language::en); }
};

}  // namespace

TEST_CASE("in Portuguese the shell draws Minhas instead of Mine, and the picker switches back to English") {
  LanguageScope scope(ui::Language::pt);
  ShellFixture f;
  CHECK(f.shows("Mine"));
  f.click("Pending");
  REQUIRE(f.shell.tab == ConversationStatus::pending);

  ui::set_language(ui::Language::pt);
  f.frame();
  f.frame();
  CHECK(f.shows("Minhas"));
  CHECK(f.shows("Não atribuídas"));
  CHECK(f.shows("Abertas"));
  CHECK(f.shows("Configurações"));
  CHECK_FALSE(f.shows("Mine"));
  CHECK_FALSE(f.shows("Open"));
  CHECK(f.shell.tab == ConversationStatus::pending);

  f.click("##language");
  f.click("English##language_en");
  f.frame();
  f.frame();
  CHECK(ui::current_language() == ui::Language::en);
  CHECK(f.shows("Mine"));
  CHECK(f.shows("Open"));
  CHECK_FALSE(f.shows("Minhas"));
  CHECK(f.shell.tab == ConversationStatus::pending);
}

TEST_CASE("language tags map to the languages we have") {
  CHECK(ui::language_from_tag("pt-BR") == ui::Language::pt);
  CHECK(ui::language_from_tag("es-419") == ui::Language::es);
  CHECK(ui::language_from_tag("FR") == ui::Language::fr);
  CHECK(ui::language_from_tag("en-US") == ui::Language::en);
  CHECK_FALSE(ui::language_from_tag("de-DE").has_value());
}

TEST_CASE("a word with a context shows its English part, and its own translation") {
  CHECK(std::string(ui::tr_ctx("dialog|Close")) == "Close");
  LanguageScope scope(ui::Language::pt);
  ui::set_language(ui::Language::pt);
  CHECK(std::string(ui::tr_ctx("dialog|Close")) == "Fechar");
  CHECK(std::string(ui::tr("Close")) == "Encerrar");
  CHECK(std::string(ui::tr_ctx("nowhere|Not in any catalog")) == "Not in any catalog");
}

TEST_CASE("a refusal's toast is in the UI's language; in English it is the core's own message") {
  ShellFixture f;
  const Command accept{UserId(0), AcceptConversation{ConversationId(0)}};  // Ana's already: nothing is offered
  f.engine.submit(accept, f.clock.now_ms);
  f.frame();
  REQUIRE(f.shell.toasts.shown.size() == 1);
  CHECK(f.shell.toasts.shown[0].text == "Conversation #0 is not offered to you.");

  LanguageScope scope(ui::Language::fr);
  ui::set_language(ui::Language::fr);
  f.engine.submit(accept, f.clock.now_ms);
  f.frame();
  REQUIRE(f.shell.toasts.shown.size() == 2);
  CHECK(f.shell.toasts.shown[1].text == "Cette conversation ne vous est pas proposée.");
  CHECK(f.conversation(0).assignee == UserId(0));
}

TEST_CASE("in French the notice that the demo cannot be saved, and its reason, are the catalog's") {
  LanguageScope scope(ui::Language::fr);
  ShellFixture f;
  ui::set_language(ui::Language::fr);
  f.shell.demo.storage_failure = Error{ErrorCode::storage_unavailable, "This browser's storage (IndexedDB) cannot be opened."};
  f.frame();
  f.frame();
  CHECK(f.shows("##storage_notice"));
  const ui::LocatedItem* detail = f.find_prefix("Le stockage de ce navigateur ne peut pas être ouvert");
  REQUIRE(detail != nullptr);
  CHECK(detail->label.find("rechargement de la page") != std::string::npos);
}
