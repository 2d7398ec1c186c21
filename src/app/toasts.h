// Short notices in the corner: a refused command's human message from the core, a confirmation.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace inbox::ui {

constexpr int64_t kToastShownMs = 5000;

struct Toast {
  std::string text;
  int64_t expires_at_ms = 0;
  bool error = true;
};

struct Toasts {
  std::vector<Toast> shown;  // newest last; at most kToastsMax
};

constexpr size_t kToastsMax = 4;

void push_toast(Toasts& toasts, std::string text, int64_t now_ms, bool error = true);

// Draws the live toasts and drops expired ones; returns when the next one expires (0: none left), so the
// frame loop wakes to remove it.
int64_t draw_toasts(Toasts& toasts, int64_t now_ms);

}  // namespace inbox::ui
