// The inbox UI's CPU cost per frame over a large demo workspace, natively and headless (no GPU): the same
// screen the browser measurement (bench/browser/inbox_frames.mjs) times in Chromium. A frame = NewFrame, the
// whole shell, Render. Numbers in docs/performance.md.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "app/shell.h"
#include "app/test_locator.h"
#include "core/seed_data.h"
#include "platform/headless/headless.h"
#include "sync/local_engine.h"

namespace inbox::bench {
namespace {

constexpr uint64_t kSeed = 20261121;  // the web demo's seed
constexpr int64_t kStart = 1'717'000'000'000;

struct Inbox {
  headless::HeadlessUi ui = headless::create_ui(ImVec2(1280, 800), 1.0f);
  std::unique_ptr<sync::LocalEngine> engine;
  ui::ShellState shell;
  ui::LocalClock clock;

  void frame() {
    headless::run_frame(ui, [this] { ui::draw_shell(shell, *engine, clock); });
  }
  const ui::LocatedItem* find(const std::string& label) const {
    for (const auto& item : ui::locator_last_frame()) {
      if (item.label == label || item.label.find(label) != std::string::npos) return &item;
    }
    return nullptr;
  }
  void click(const ui::LocatedItem* item) {
    if (item == nullptr) std::abort();
    headless::click(ui, ImVec2((item->min.x + item->max.x) / 2, (item->min.y + item->max.y) / 2),
                    [this] { ui::draw_shell(shell, *engine, clock); });
  }
};

// INBOX_BENCH_CONTACTS (default 100,000) sets the workspace's size.
Inbox& large_inbox() {
  static const std::unique_ptr<Inbox> built = [] {
    auto inbox = std::make_unique<Inbox>();
    DemoOptions options;
    const char* contacts = std::getenv("INBOX_BENCH_CONTACTS");
    options.contacts = contacts != nullptr ? std::strtoul(contacts, nullptr, 10) : 100'000;
    const std::vector<TimedCommand> script = demo_script(kSeed, kStart, options);
    inbox->engine = std::make_unique<sync::LocalEngine>(sync::LocalEngine::from_script(script).value());
    inbox->clock = ui::LocalClock{script.back().at_ms + 60'000, 0};
    // A supervisor's All section, as in the browser measurement: every conversation in one list.
    const State& state = inbox->engine->state();
    for (uint32_t i = 0; i < state.users.size() && !inbox->shell.viewer.valid(); ++i) {
      if (state.users[i].role == Role::supervisor) inbox->shell.viewer = UserId(i);
    }
    inbox->shell.section = Section::all;
    for (int i = 0; i < 3; ++i) inbox->frame();
    return inbox;
  }();
  return *built;
}

void report(benchmark::State& bench, const Inbox& inbox) {
  bench.SetItemsProcessed(static_cast<int64_t>(bench.iterations()));
  bench.counters["conversations"] = static_cast<double>(inbox.engine->state().conversations.size());
}

// Nothing changes between frames: the cost of drawing the inbox as it is.
void BM_InboxFrame(benchmark::State& bench) {
  Inbox& inbox = large_inbox();
  for (auto _ : bench) inbox.frame();
  report(bench, inbox);
}
BENCHMARK(BM_InboxFrame)->Unit(benchmark::kMillisecond);

// A mouse wheel notch over the list every frame, down to the end and back up.
void BM_InboxFrameScrolling(benchmark::State& bench) {
  Inbox& inbox = large_inbox();
  const ui::LocatedItem* list = inbox.find("conversation_list");
  if (list == nullptr) std::abort();
  const ImVec2 over((list->min.x + list->max.x) / 2, (list->min.y + list->max.y) / 2);
  float direction = -1;
  int frames = 0;
  for (auto _ : bench) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(over.x, over.y);
    if (++frames % 2000 == 0) direction = -direction;
    io.AddMouseWheelEvent(0, direction * 3);
    inbox.frame();
  }
  report(bench, inbox);
}
BENCHMARK(BM_InboxFrameScrolling)->Unit(benchmark::kMillisecond);

// A character typed into the compose box every frame (a note, so any conversation takes text).
void BM_InboxFrameTyping(benchmark::State& bench) {
  Inbox& inbox = large_inbox();
  for (const auto& item : ui::locator_last_frame()) {
    if (item.label.find("##conv") != std::string::npos) {
      inbox.click(&item);
      break;
    }
  }
  if (inbox.find("##compose") == nullptr) inbox.click(inbox.find("Internal note"));
  inbox.click(inbox.find("##compose"));
  const char* text = "Olá! Já verifiquei o seu pedido e ele sai amanhã. ";
  size_t at = 0;
  for (auto _ : bench) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(text[at++ % 20]));
    inbox.frame();
  }
  report(bench, inbox);
}
BENCHMARK(BM_InboxFrameTyping)->Unit(benchmark::kMillisecond);

// The naive baseline: the same workspace's conversations as a list that draws every row (a name and a
// preview line each) instead of only those on screen, as ImGuiListClipper lets the real list do.
void BM_ListWithoutClipperBaseline(benchmark::State& bench) {
  Inbox& inbox = large_inbox();
  const State& state = inbox.engine->state();
  for (auto _ : bench) {
    headless::run_frame(inbox.ui, [&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(400, 800));
      ImGui::Begin("naive_list");
      for (uint32_t i = 0; i < state.conversations.size(); ++i) {
        const Contact& contact = state.contacts[state.conversations[i].contact.index()];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Selectable(contact.name.c_str());
        ImGui::TextDisabled("%s", contact.phone.c_str());
        ImGui::PopID();
      }
      ImGui::End();
    });
  }
  report(bench, inbox);
}
BENCHMARK(BM_ListWithoutClipperBaseline)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace inbox::bench
