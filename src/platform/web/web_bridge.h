// What the page's JavaScript and the app exchange: canvas size and pixel ratio in, the test locator's items and
// the frame count out, and the clipboard both ways (3.1.6's GLFW clipboard functions are empty stubs).
#pragma once
#include <string>

namespace inbox::web {

struct CanvasMetrics {
  int width_px = 0;   // backing store, physical pixels
  int height_px = 0;
  float pixel_ratio = 1.0f;
};

// Set by the page on load and on every resize (see web/inbox.js).
const CanvasMetrics& canvas_metrics();
bool take_pixel_ratio_changed();

// The frame loop asks whether anything happened since the last frame; inputs, resizes and the page wake it.
void wake(int frames);
bool consume_wake();
void count_frame();

// ImGui clipboard callbacks backed by navigator.clipboard (write) and the page's paste events (read).
void install_clipboard();

}  // namespace inbox::web
