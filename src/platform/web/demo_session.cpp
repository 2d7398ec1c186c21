#include "platform/web/demo_session.h"

#include <algorithm>
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
constexpr int64_t kDemoContactsMax = 200000;

// The script's length depends only on the seed: measure it once, then start it so that it ends just now,
// and the customers' WhatsApp windows are open as in a live inbox.
std::unique_ptr<sync::LocalEngine> seeded_engine(const DemoOptions& options, int64_t now_ms) {
  const std::vector<TimedCommand> measured = demo_script(kDemoSeed, 0, options);
  const int64_t span_ms = measured.empty() ? 0 : measured.back().at_ms;
  Result<sync::LocalEngine> engine =
      sync::LocalEngine::from_script(demo_script(kDemoSeed, now_ms - span_ms - kDemoQuietMs, options));
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
  demo.store.save(*demo.engine);
  wake(3);
}

}  // namespace

void demo_open(DemoSession& demo, ui::ShellState& shell) {
  demo.ready = false;
  const DemoOptions defaults;
  demo.options.contacts = static_cast<size_t>(
      std::clamp<int64_t>(page_query_number("contacts", static_cast<int64_t>(defaults.contacts)), 1, kDemoContactsMax));
  if (demo.options.contacts != defaults.contacts) {
    demo.store = DemoStore("agent-inbox-demo-" + std::to_string(demo.options.contacts));
  }
  demo.store.load([&demo, &shell](Result<std::unique_ptr<sync::LocalEngine>> loaded) {
    const int64_t now_ms = page_now_ms();
    if (loaded.ok() && loaded.value() != nullptr) {
      start(demo, shell, std::move(loaded).value());
      return;
    }
    start(demo, shell, seeded_engine(demo.options, now_ms));
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
    demo.store.reset([&demo, &shell] { start(demo, shell, seeded_engine(demo.options, page_now_ms())); });
    return;
  }
  demo.store.save(*demo.engine);
}

}  // namespace inbox::web
