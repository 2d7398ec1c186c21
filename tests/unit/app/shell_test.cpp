#include "app/shell.h"

#include "app/test_locator.h"
#include "platform/headless/headless.h"

#include <doctest/doctest.h>

#include <ios>
#include <string>
#include <vector>

using namespace inbox;

namespace {

struct ShellFixture {
  headless::HeadlessUi ui = headless::create_ui(ImVec2(1280, 800), 1.0f);
  ui::ShellState state;
  ui::SampleInbox sample = ui::make_sample_inbox();

  ShellFixture() {
    frame();  // tab bars lay out their tabs during the first frame and place them from the second on
    frame();
  }
  ~ShellFixture() { headless::destroy_ui(ui); }

  std::function<void()> draw() {
    return [this] { ui::draw_shell(state, sample); };
  }
  void frame() { headless::run_frame(ui, draw()); }

  const ui::LocatedItem* find(const std::string& label) const {
    for (const auto& item : ui::locator_last_frame()) {
      if (item.label == label) return &item;
    }
    return nullptr;
  }
  bool shows(const std::string& label) const { return find(label) != nullptr; }

  void click(const std::string& label) {
    const ui::LocatedItem* item = find(label);
    REQUIRE_MESSAGE(item != nullptr, "no item labelled " << label);
    const ImVec2 center((item->min.x + item->max.x) / 2, (item->min.y + item->max.y) / 2);
    headless::click(ui, center, draw());
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
  for (const char* label : {"Mine", "Unassigned", "All", "Teammates", "Open", "Pending", "Scheduled", "Closed"}) {
    const ui::LocatedItem* item = f.find(label);
    REQUIRE_MESSAGE(item != nullptr, label);
    CHECK(item->max.x > item->min.x);
    CHECK(item->max.y > item->min.y);
    CHECK(item->enabled);
  }
  // Sections sit left of the list's tabs.
  CHECK(f.find("Mine")->max.x <= f.find("Open")->min.x);
}

TEST_CASE("the locator names hidden-label widgets by their ##id and keeps only the last finished frame") {
  ShellFixture f;
  f.click("Lucía Fernández");
  CHECK(f.shows("##search"));
  CHECK(f.shows("##compose"));
  f.frame();
  const size_t before = ui::locator_last_frame().size();
  f.frame();
  CHECK(ui::locator_last_frame().size() == before);
}

TEST_CASE("an agent clicks Unassigned: the list shows the unassigned conversation instead of their own") {
  ShellFixture f;
  CHECK(f.shows("Lucía Fernández"));
  CHECK_FALSE(f.shows("Françoise Lefèvre"));
  f.click("Unassigned");
  f.click("Pending");
  CHECK(f.shows("Françoise Lefèvre"));
  CHECK_FALSE(f.shows("Lucía Fernández"));
}

TEST_CASE("Send is disabled until the agent types, and a sent reply lands in the chat") {
  ShellFixture f;
  f.click("Lucía Fernández");
  REQUIRE(f.find("Send") != nullptr);
  CHECK_FALSE(f.find("Send")->enabled);
  f.state.compose = "¡Listo! Código: BR-123 ✅";
  f.frame();
  CHECK(f.find("Send")->enabled);
  const size_t before = f.sample.conversations[0].messages.size();
  f.click("Send");
  CHECK(f.sample.conversations[0].messages.size() == before + 1);
  CHECK(f.sample.conversations[0].messages.back().text == "¡Listo! Código: BR-123 ✅");
  CHECK(f.state.compose.empty());
}

TEST_CASE("a reply over 4096 characters cannot be sent") {
  ShellFixture f;
  f.click("Lucía Fernández");
  f.state.compose = std::string(4096, 'a');
  f.frame();
  CHECK(f.find("Send")->enabled);
  f.state.compose += "é";
  f.frame();
  CHECK_FALSE(f.find("Send")->enabled);
}

TEST_CASE("search 'sao paulo' finds the conversation that mentions São Paulo") {
  ShellFixture f;
  f.click("All");
  std::snprintf(f.state.search, sizeof(f.state.search), "%s", "sao paulo");
  f.frame();
  f.frame();
  CHECK(f.shows("Lucía Fernández"));
  CHECK_FALSE(f.shows("João Conceição"));
}
