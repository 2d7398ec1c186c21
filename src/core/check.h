// Assertions for our own bugs (never for bad input, which gets an Error value). Always on, also in
// release builds: a broken invariant in the authority must stop it before it commits more events.
#pragma once

namespace inbox {
[[noreturn]] void assertion_failed(const char* condition, const char* why, const char* file, int line);
}  // namespace inbox

#define INBOX_ASSERT(condition, why) \
  ((condition) ? static_cast<void>(0) : ::inbox::assertion_failed(#condition, why, __FILE__, __LINE__))
