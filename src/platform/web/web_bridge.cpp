#include "platform/web/web_bridge.h"

#include "app/test_locator.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace inbox::web {
namespace {

CanvasMetrics g_metrics;
bool g_pixel_ratio_changed = false;
int g_wake_frames = 3;
int64_t g_wake_at_ms = 0;
unsigned g_frames_drawn = 0;
constexpr size_t kFrameTimesKept = 100000;
// Each drawn frame's time since the page last took them (benchmarks): the UI's (NewFrame to Render) and the
// whole frame's (with the WebGL calls, which block when the GPU process falls behind).
std::vector<float> g_ui_times_ms;
std::vector<float> g_frame_times_ms;
std::string g_clipboard;
std::string g_items_json;

EM_JS(void, write_system_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(value).catch(function(e) { console.warn('clipboard write refused:', e.message); });
  }
});

// The page's clock (Date.now(), unless a test drives it through Module.inboxNow).
EM_JS(double, page_query_value, (const char* name), {
  const value = new URLSearchParams(location.search).get(UTF8ToString(name));
  const number = value === null ? NaN : Number(value);
  return Number.isInteger(number) ? number : NaN;
});

EM_JS(double, page_clock_ms, (), { return Module.inboxNow ? Module.inboxNow() : Date.now(); });

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
  g_clipboard = text;
  write_system_clipboard(text);
}

}  // namespace

const CanvasMetrics& canvas_metrics() { return g_metrics; }

bool take_pixel_ratio_changed() {
  const bool changed = g_pixel_ratio_changed;
  g_pixel_ratio_changed = false;
  return changed;
}

void wake(int frames) {
  if (frames > g_wake_frames) g_wake_frames = frames;
}

void wake_at(int64_t at_ms) { g_wake_at_ms = at_ms == INT64_MAX ? 0 : at_ms; }

bool consume_wake(int64_t now_ms) {
  if (g_wake_at_ms != 0 && now_ms >= g_wake_at_ms) {
    g_wake_at_ms = 0;
    wake(1);
  }
  if (g_wake_frames <= 0) return false;
  --g_wake_frames;
  return true;
}

void count_frame(double ui_ms, double frame_ms) {
  ++g_frames_drawn;
  if (g_frame_times_ms.size() >= kFrameTimesKept) return;
  g_ui_times_ms.push_back(static_cast<float>(ui_ms));
  g_frame_times_ms.push_back(static_cast<float>(frame_ms));
}

int64_t page_now_ms() { return static_cast<int64_t>(page_clock_ms()); }

int64_t page_query_number(const char* name, int64_t fallback) {
  const double value = page_query_value(name);
  return value == value ? static_cast<int64_t>(value) : fallback;  // NaN: absent
}

void install_clipboard() {
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
}

}  // namespace inbox::web

// Called from web/inbox.js.
extern "C" {

EMSCRIPTEN_KEEPALIVE void inbox_set_canvas(int width_px, int height_px, float pixel_ratio) {
  auto& m = inbox::web::g_metrics;
  if (m.pixel_ratio != pixel_ratio) inbox::web::g_pixel_ratio_changed = true;
  m.width_px = width_px;
  m.height_px = height_px;
  m.pixel_ratio = pixel_ratio;
  inbox::web::wake(3);
}

EMSCRIPTEN_KEEPALIVE void inbox_wake(int frames) { inbox::web::wake(frames); }

EMSCRIPTEN_KEEPALIVE void inbox_set_clipboard(const char* text) {
  inbox::web::g_clipboard = text;
  inbox::web::wake(3);
}

EMSCRIPTEN_KEEPALIVE unsigned inbox_frames() { return inbox::web::g_frames_drawn; }

// The times of every frame drawn since the last call, in milliseconds (bench/browser): {"ui": [...], "frame": [...]}.
EMSCRIPTEN_KEEPALIVE const char* inbox_take_frame_times_json() {
  static std::string json;
  json = nlohmann::json{{"ui", inbox::web::g_ui_times_ms}, {"frame", inbox::web::g_frame_times_ms}}.dump();
  inbox::web::g_ui_times_ms.clear();
  inbox::web::g_frame_times_ms.clear();
  return json.c_str();
}

// Whether frames are still owed (input being handled, ImGui settling): tests wait for 0 before reading items.
EMSCRIPTEN_KEEPALIVE int inbox_busy() { return inbox::web::g_wake_frames > 0 ? 1 : 0; }

// The last drawn frame's items, rectangles in canvas CSS pixels; the page adds the canvas offset.
EMSCRIPTEN_KEEPALIVE const char* inbox_items_json() {
  const float ratio = inbox::web::g_metrics.pixel_ratio;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : inbox::ui::locator_last_frame()) {
    items.push_back({{"label", item.label},
                     {"id", item.id},
                     {"x", item.min.x / ratio},
                     {"y", item.min.y / ratio},
                     {"w", (item.max.x - item.min.x) / ratio},
                     {"h", (item.max.y - item.min.y) / ratio},
                     {"enabled", item.enabled}});
  }
  inbox::web::g_items_json = items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return inbox::web::g_items_json.c_str();
}

}  // extern "C"
