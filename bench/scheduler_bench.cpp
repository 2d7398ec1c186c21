// The scheduler at scale (issue 6): 1,000,000 scheduled reminders in the TimerIndex; each iteration fires
// the earliest (pop the front, as tick() does), schedules it again, cancels a random reminder and
// schedules that one again: 4 operations, each O(log n), with the index staying at 1,000,000 timers.
// Memory per scheduled timer: heap in use by the index divided by its size. Numbers in docs/performance.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <random>

#include "core/timers.h"
#include "heap.h"

namespace inbox::bench {
namespace {

constexpr uint32_t kReminders = 1'000'000;
constexpr int64_t kT0 = 1'717'000'000'000;
constexpr int64_t kSpreadMs = 31LL * 60 * 60 * 1000;  // reminders up to 31 h ahead

void BM_SchedulerOps(benchmark::State& bench) {
  std::mt19937_64 rng(6);
  const size_t before = heap_in_use();
  auto timers = std::make_unique<TimerIndex>();
  timers->heap.reserve(kReminders);
  for (uint32_t i = 0; i < kReminders; ++i) {
    timers_set(*timers, TimerKind::reminder, i, kT0 + static_cast<int64_t>(rng() % kSpreadMs));
  }
  const size_t bytes = heap_in_use() - before;
  int64_t now = kT0;
  for (auto _ : bench) {
    // Fire the earliest: tick() reads the front, the event's apply() clears the field.
    const TimerKey front = *timers_front(*timers);
    now = front.deadline;
    timers_set(*timers, TimerKind::reminder, front.subject, kNever);
    // Schedule: the agent sets a new reminder on that conversation.
    timers_set(*timers, TimerKind::reminder, front.subject, now + 1 + static_cast<int64_t>(rng() % kSpreadMs));
    // Cancel a random one, then schedule it again (a changed reminder).
    const auto subject = static_cast<uint32_t>(rng() % kReminders);
    timers_set(*timers, TimerKind::reminder, subject, kNever);
    timers_set(*timers, TimerKind::reminder, subject, now + 1 + static_cast<int64_t>(rng() % kSpreadMs));
  }
  benchmark::DoNotOptimize(timers_size(*timers));
  bench.SetItemsProcessed(bench.iterations() * 4);
  bench.counters["timers"] = static_cast<double>(timers_size(*timers));
  bench.counters["bytes_per_timer"] = static_cast<double>(bytes) / kReminders;
}
BENCHMARK(BM_SchedulerOps)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace inbox::bench
