// Search folding throughput: every message is folded once when indexed, and every query once per keystroke.
#include "core/text.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

void BM_FoldForSearch(benchmark::State& state) {
  const std::string text =
      "Olá! Minha encomenda para São Paulo ainda não chegou — podem verificar? Merci “beaucoup” 😊 ";
  int64_t bytes = 0;
  for (auto _ : state) {
    std::string folded = inbox::fold_for_search(text);
    benchmark::DoNotOptimize(folded.data());
    bytes += static_cast<int64_t>(text.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FoldForSearch);

}  // namespace
