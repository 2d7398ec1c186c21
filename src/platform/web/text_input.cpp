#include "platform/web/text_input.h"

#include "platform/web/web_bridge.h"

#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

namespace inbox::web {
namespace {

constexpr int kFramesAfterText = 4;  // as the page's other inputs: ImGui settles hover/active states

GLFWcharfun g_next_char_callback = nullptr;  // ImGui's GLFW backend
bool g_textarea_focused = false;

// What the page was last told, in canvas CSS pixels.
struct CaretRequest {
  bool active = false;
  float x = 0;
  float y = 0;
  float line_height = 0;
  bool operator==(const CaretRequest& other) const {
    return active == other.active && x == other.x && y == other.y && line_height == other.line_height;
  }
};
CaretRequest g_sent;

EM_JS(void, page_sync_text_input, (int active, float x, float y, float line_height), {
  if (window.inboxTextInput) window.inboxTextInput.sync(active !== 0, x, y, line_height);
});

void on_char(GLFWwindow* window, unsigned int code_point) {
  if (g_textarea_focused) return;  // the textarea's input event brings the same character
  if (g_next_char_callback != nullptr) g_next_char_callback(window, code_point);
}

}  // namespace

void install_text_input(GLFWwindow* window) {
  g_next_char_callback = glfwSetCharCallback(window, on_char);
  IM_ASSERT(g_next_char_callback != nullptr && "install_text_input must come after ImGui_ImplGlfw_InitForOpenGL");
}

void sync_text_input() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  CaretRequest request = g_sent;
  // io.WantTextInput lags a frame behind; after Render the value the next frame will see is already known.
  request.active = g.WantTextInputNextFrame == 1;
  if (request.active && g.PlatformImeData.WantVisible) {
    const float ratio = canvas_metrics().pixel_ratio;
    request.x = g.PlatformImeData.InputPos.x / ratio;
    request.y = g.PlatformImeData.InputPos.y / ratio;
    request.line_height = g.PlatformImeData.InputLineHeight / ratio;
  }
  // Calling the page again while active and unfocused lets it take the focus back (e.g. after a window switch).
  if (request == g_sent && request.active == g_textarea_focused) return;
  g_sent = request;
  page_sync_text_input(request.active ? 1 : 0, request.x, request.y, request.line_height);
}

}  // namespace inbox::web

// Called from web/text_input.js.
extern "C" {

// Committed text (never text still being composed), UTF-8; copied by ImGui before this returns.
EMSCRIPTEN_KEEPALIVE void inbox_text_input(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  inbox::web::wake(inbox::web::kFramesAfterText);
}

EMSCRIPTEN_KEEPALIVE void inbox_text_input_focused(int focused) {
  inbox::web::g_textarea_focused = focused != 0;
  inbox::web::wake(inbox::web::kFramesAfterText);
}

}  // extern "C"
