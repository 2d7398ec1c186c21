#include "demo/act_through_engine.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/seed_data.h"
#include "sync/local_engine.h"

using namespace inbox;

namespace {

constexpr int64_t kStart = 1'717'000'000'000;

// Any engine behind the seam: this one forwards to the in-page authority and notes who submitted what, as a
// relay-backed engine would see it.
struct RecordingEngine final : sync::Engine {
  sync::LocalEngine inner;
  std::vector<sync::Submitter> submitters;

  const State& state() const override { return inner.state(); }
  uint64_t submit_as(sync::Submitter submitter, const Command& command, int64_t now_ms) override {
    submitters.push_back(submitter);
    return inner.submit_as(submitter, command, now_ms);
  }
  std::vector<sync::Rejection> take_rejections() override { return inner.take_rejections(); }
  void advance(int64_t now_ms) override { inner.advance(now_ms); }
  int64_t next_deadline() const override { return inner.next_deadline(); }
  uint64_t revision() const override { return inner.revision(); }

  size_t count(sync::Submitter submitter) const { return static_cast<size_t>(std::count(submitters.begin(), submitters.end(), submitter)); }
};

struct Demo {
  RecordingEngine engine;
  demo::Simulator simulator = demo::make_simulator(5, {});
  UserId human;
  int64_t now_ms = 0;

  Demo() {
    DemoOptions options;
    options.contacts = 40;
    const std::vector<TimedCommand> script = demo_script(11, kStart, options);
    engine.inner = sync::LocalEngine::from_script(script).value();
    now_ms = script.back().at_ms + 60'000;
    human = UserId(0);
  }

  // Second by second, as the page's frames do.
  void run_for(int64_t ms) {
    for (const int64_t end = now_ms + ms; now_ms < end; now_ms += demo::kSimulatorStepMs) {
      if (engine.next_deadline() <= now_ms) engine.advance(now_ms);
      demo::simulated_people_act(simulator, engine, now_ms, human);
    }
  }
};

}  // namespace

TEST_CASE("the simulated customers and teammates act only through the Engine seam, each submission marked simulated") {
  Demo demo;
  const size_t messages = demo.engine.state().messages.size();
  demo.run_for(10 * 60'000);
  CHECK(demo.engine.count(sync::Submitter::simulated) > 20);
  CHECK(demo.engine.count(sync::Submitter::user) == 0);
  CHECK(demo.engine.state().messages.size() > messages);  // what they submitted happened
  for (const sync::Rejection& rejection : demo.engine.take_rejections()) {
    CHECK(rejection.submitter == sync::Submitter::simulated);  // never one for the signed-in user's toasts
  }
}

TEST_CASE("\"a customer writes now\" is the signed-in user's submission: a refusal of it is theirs to hear about") {
  Demo demo;
  const size_t messages = demo.engine.state().messages.size();
  demo::customer_writes_now(demo.simulator, demo.engine, demo.now_ms);
  REQUIRE(demo.engine.submitters == std::vector<sync::Submitter>{sync::Submitter::user});
  CHECK(demo.engine.state().messages.size() == messages + 1);
  CHECK(demo.engine.take_rejections().empty());
}

TEST_CASE("nothing is submitted before the simulator's next step is due") {
  Demo demo;
  demo.run_for(demo::kSimulatorStepMs);  // the first step schedules the next
  const size_t submitted = demo.engine.submitters.size();
  demo::simulated_people_act(demo.simulator, demo.engine, demo::simulator_next_at(demo.simulator) - 1, demo.human);
  CHECK(demo.engine.submitters.size() == submitted);
}
