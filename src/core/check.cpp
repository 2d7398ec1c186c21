#include "core/check.h"

#include <cstdio>
#include <cstdlib>

namespace inbox {

// The only output the core ever writes: the last words of a process that found a bug in itself.
void assertion_failed(const char* condition, const char* why, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", file, line, condition, why);
  std::abort();
}

}  // namespace inbox
