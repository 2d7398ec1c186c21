#include "platform/web/demo_session.h"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/seed_data.h"
#include "platform/web/web_bridge.h"

namespace inbox::web {
namespace {

constexpr uint64_t kDemoSeed = 20261121;
constexpr int64_t kDemoQuietMs = 5LL * 60 * 1000;  // the demo's last message came in a few minutes ago

// The script's length depends only on the seed: measure it once, then start it so that it ends just now,
// and the customers' WhatsApp windows are open as in a live inbox.
std::unique_ptr<sync::LocalEngine> seeded_engine(int64_t now_ms) {
  const std::vector<TimedCommand> measured = demo_script(kDemoSeed, 0);
  const int64_t span_ms = measured.empty() ? 0 : measured.back().at_ms;
  Result<sync::LocalEngine> engine = sync::LocalEngine::from_script(demo_script(kDemoSeed, now_ms - span_ms - kDemoQuietMs));
  if (!engine.ok()) {
    std::fprintf(stderr, "demo workspace refused: %s\n", engine.error().message.c_str());
    return std::make_unique<sync::LocalEngine>();
  }
  return std::make_unique<sync::LocalEngine>(std::move(engine).value());
}

void start(DemoSession& demo, ui::ShellState& shell, std::unique_ptr<sync::LocalEngine> engine) {
  demo.engine = std::move(engine);
  shell = ui::ShellState();
  shell.viewer = ui::default_viewer(demo.engine->state());
  demo.ready = true;
  demo.store.save(demo.engine->log());
  wake(3);
}

}  // namespace

void demo_open(DemoSession& demo, ui::ShellState& shell) {
  demo.ready = false;
  demo.store.load([&demo, &shell](Result<std::vector<Event>> loaded) {
    const int64_t now_ms = page_now_ms();
    if (loaded.ok() && !loaded.value().empty()) {
      start(demo, shell, std::make_unique<sync::LocalEngine>(sync::LocalEngine::from_events(std::move(loaded).value())));
      return;
    }
    start(demo, shell, seeded_engine(now_ms));
    if (!loaded.ok()) {
      ui::push_toast(shell.toasts, "The saved demo could not be read (" + loaded.error().message + "): started a fresh one.",
                     now_ms);
    }
  });
}

void demo_after_frame(DemoSession& demo, ui::ShellState& shell) {
  if (!demo.ready) return;
  if (shell.demo_reset_requested) {
    demo.ready = false;
    demo.store.reset([&demo, &shell] { start(demo, shell, seeded_engine(page_now_ms())); });
    return;
  }
  demo.store.save(demo.engine->log());
}

}  // namespace inbox::web
