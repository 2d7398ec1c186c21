// Heap bytes in use (glibc mallinfo2 natively; emscripten's dlmalloc has only the older mallinfo, int
// fields: fine below wasm32's 4 GB). For the memory counters of the benchmarks.
#pragma once
#include <malloc.h>

#include <cstddef>

namespace inbox::bench {

inline size_t heap_in_use() {
#ifdef __EMSCRIPTEN__
  return static_cast<size_t>(mallinfo().uordblks);
#else
  return mallinfo2().uordblks;
#endif
}

}  // namespace inbox::bench
