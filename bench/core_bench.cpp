// Applying events and searching message text over the benchmark workspace (workload.h).
#include <benchmark/benchmark.h>

#include <memory>

#include "core/search.h"
#include "heap.h"
#include "workload.h"

namespace inbox::bench {
namespace {

void BM_ApplyEvents(benchmark::State& bench) {
  const Workload& w = workload();
  size_t bytes = 0;
  for (auto _ : bench) {
    bench.PauseTiming();
    const size_t before = heap_in_use();
    auto state = std::make_unique<State>(w.setup);
    bench.ResumeTiming();
    for (const Event& event : w.events) apply(*state, event);
    benchmark::DoNotOptimize(state->messages.data());
    bench.PauseTiming();
    bytes = heap_in_use() - before;
    state.reset();
    bench.ResumeTiming();
  }
  bench.SetItemsProcessed(static_cast<int64_t>(bench.iterations() * w.events.size()));
  // The live state for 100k conversations and 1M messages, views and search indexes included.
  bench.counters["state_MB"] = static_cast<double>(bytes) / (1 << 20);
  bench.counters["bytes_per_message"] = static_cast<double>(bytes) / kMessages;
  bench.counters["sizeof_Message"] = sizeof(Message);
  bench.counters["sizeof_Conversation"] = sizeof(Conversation);
}
BENCHMARK(BM_ApplyEvents)->Unit(benchmark::kMillisecond);

void BM_SearchMessages(benchmark::State& bench) {
  const Workload& w = workload();
  State state = w.setup;
  for (const Event& event : w.events) apply(state, event);
  size_t hits = 0;
  for (auto _ : bench) {
    // Accent- and case-insensitive: finds "São Paulo" in every message that has it.
    const std::vector<MessageId> found = search_messages(state, "sao paulo", state.messages.size());
    hits = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  bench.SetItemsProcessed(static_cast<int64_t>(bench.iterations() * state.messages.size()));
  bench.counters["hits"] = static_cast<double>(hits);
}
BENCHMARK(BM_SearchMessages)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace inbox::bench
