#include "platform/web/demo_session.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <emscripten/emscripten.h>

#include "app/i18n.h"
#include "app/refusal_text.h"
#include "core/seed_data.h"
#include "demo/act_through_engine.h"
#include "sync/local_engine.h"
#include "platform/web/web_bridge.h"

namespace inbox::web {
namespace {

constexpr uint64_t kDemoSeed = 20261121;
constexpr int64_t kDemoQuietMs = 5LL * 60 * 1000;  // the demo's last message came in a few minutes ago
constexpr int64_t kDemoContactsMax = 200000;
constexpr uint64_t kSimulatorSeed = 424242;

// The simulator's settings live in localStorage, beside the demo's IndexedDB store: "customers,rate,teammates".
EM_JS(int, load_simulator_settings, (int* customers, int* rate, int* teammates), {
  const text = localStorage.getItem('agent-inbox-simulator');
  const parts = text ? text.split(',').map(Number) : [];
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n))) return 0;
  HEAP32[customers >> 2] = parts[0];
  HEAP32[rate >> 2] = parts[1];
  HEAP32[teammates >> 2] = parts[2];
  return 1;
});
EM_JS(void, store_simulator_settings, (int customers, int rate, int teammates), {
  localStorage.setItem('agent-inbox-simulator', [customers, rate, teammates].join(','));
});

// Stored settings, then the page address: ?simulate=0 turns the simulated world off (the browser tests do).
demo::SimulatorSettings initial_simulator_settings() {
  demo::SimulatorSettings settings;
  int customers = 0, rate = 0, teammates = 0;
  if (load_simulator_settings(&customers, &rate, &teammates)) {
    settings.customers_write = customers != 0;
    settings.customer_messages_per_hour = static_cast<uint32_t>(std::clamp<int>(rate, 0, demo::kCustomerMessagesPerHourMax));
    settings.teammates_work = teammates != 0;
  }
  if (page_query_number("simulate", 1) == 0) {
    settings.customers_write = false;
    settings.teammates_work = false;
  }
  return settings;
}

std::unique_ptr<sync::LocalEngine> seeded_engine(const DemoOptions& options, int64_t now_ms) {
  Result<sync::LocalEngine> engine =
      sync::LocalEngine::from_script(demo_script_ending(kDemoSeed, now_ms, kDemoQuietMs, options));
  if (!engine.ok()) {
    std::fprintf(stderr, "demo workspace refused: %s\n", engine.error().message.c_str());
    return std::make_unique<sync::LocalEngine>();
  }
  return std::make_unique<sync::LocalEngine>(std::move(engine).value());
}

// The one place that saves: only an engine with its own event log has anything for the store.
void save(DemoSession& demo) {
  if (demo.log != nullptr) demo.store.save(*demo.log);
}

// The in-page authority is both the engine and the log the store keeps.
void start(DemoSession& demo, ui::ShellState& shell, std::unique_ptr<sync::LocalEngine> authority) {
  demo.log = authority.get();
  demo.engine = std::move(authority);
  const demo::SimulatorSettings settings = shell.demo.simulator;
  shell = ui::ShellState();
  shell.demo.simulator = settings;
  // Seeded by how far the workspace has come, so a reload does not replay the same customers.
  demo.simulator = demo::make_simulator(kSimulatorSeed ^ demo.engine->state().messages.size(), settings);
  shell.viewer = ui::default_viewer(demo.engine->state());
  demo.ready = true;
  save(demo);
  wake(3);
}

}  // namespace

void demo_open(DemoSession& demo, ui::ShellState& shell) {
  demo.ready = false;
  shell.demo.simulator = demo.saved_settings = initial_simulator_settings();
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
    // No storage at all shows as the notice that the demo cannot be saved (demo_tick), not as a toast.
    if (!loaded.ok() && loaded.error().code != ErrorCode::storage_unavailable) {
      ui::push_toast(shell.toasts, std::string(ui::tr("The saved demo could not be read: started a fresh one.")) + " (" +
                                         ui::refusal_text(loaded.error()) + ")",
                     now_ms);
    }
  });
}

bool demo_tick(DemoSession& demo, ui::ShellState& shell, int64_t now_ms) {
  if (!demo.ready) return false;
  sync::Engine& engine = *demo.engine;
  const uint64_t revision = engine.revision();
  if (engine.next_deadline() <= now_ms) engine.advance(now_ms);
  if (std::exchange(shell.demo.customer_write_requested, false)) demo::customer_writes_now(demo.simulator, engine, now_ms);
  demo::simulated_people_act(demo.simulator, engine, now_ms, shell.viewer);
  const bool failure_news = shell.demo.storage_failure.has_value() != demo.store.failure().has_value();
  if (failure_news) shell.demo.storage_failure = demo.store.failure();
  return engine.revision() != revision || failure_news;
}

void demo_after_frame(DemoSession& demo, ui::ShellState& shell) {
  if (!demo.ready) return;
  if (!(shell.demo.simulator == demo.simulator.settings)) {
    demo.simulator.settings = shell.demo.simulator;
    demo.simulator.next_step_at = 0;  // look again now, with the new settings
  }
  if (!(shell.demo.simulator == demo.saved_settings)) {
    demo.saved_settings = shell.demo.simulator;
    store_simulator_settings(demo.saved_settings.customers_write, static_cast<int>(demo.saved_settings.customer_messages_per_hour),
                             demo.saved_settings.teammates_work);
  }
  if (shell.demo.reset_requested) {
    demo.ready = false;
    demo.store.reset([&demo, &shell] { start(demo, shell, seeded_engine(demo.options, page_now_ms())); });
    return;
  }
  save(demo);
}

}  // namespace inbox::web
