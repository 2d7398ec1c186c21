// What the page's JavaScript and the app exchange: canvas size and pixel ratio in, the test locator's items and
// the frame count out, and the clipboard both ways (3.1.6's GLFW clipboard functions are empty stubs).
#pragma once
#include <cstdint>
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

// The frame loop asks whether anything happened since the last frame; inputs, resizes and the page wake it,
// and the app asks for a frame at a given time (a toast expiring, a timer due; 0: no such time).
void wake(int frames);
void wake_at(int64_t at_ms);
bool consume_wake(int64_t now_ms);
void count_frame(double ui_ms, double frame_ms);  // a frame was drawn: ui_ms to build it, frame_ms with the GL calls

// The page's clock: Date.now(), unless a test drives it through Module.inboxNow.
int64_t page_now_ms();

// A number from the page address's query (?contacts=100000), or `fallback` when absent or not a number.
int64_t page_query_number(const char* name, int64_t fallback);

// ImGui clipboard callbacks backed by navigator.clipboard (write) and the page's paste events (read).
void install_clipboard();

}  // namespace inbox::web
