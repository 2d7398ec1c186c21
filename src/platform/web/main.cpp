// The browser entry point: a GLFW window on the page's canvas, WebGL2, and one frame function that the browser
// calls every animation frame and that returns at once unless something happened (input, resize, timers).
#include "app/fonts.h"
#include "app/i18n.h"
#include "core/offers.h"
#include "app/shell.h"
#include "app/test_locator.h"
#include "app/theme.h"
#include "platform/web/text_input.h"
#include "platform/web/web_bridge.h"
#include "platform/web/demo_session.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace {

// glfwCreateWindow resizes the canvas to the window size: the page sizes it back (CSS size x devicePixelRatio)
// once the window exists, and reports the metrics the fonts are loaded at.
EM_JS(void, notify_page_window_created, (), {
  if (Module.onInboxWindowCreated) Module.onInboxWindowCreated();
});

EM_JS(int, local_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });

// The language tags to try, best first: ?lang=xx, the choice stored by the language picker, then the browser's
// languages. One per line; the caller frees the text.
EM_JS(char*, page_language_tags, (), {
  const tags = [];
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) tags.push(asked);
  try {
    const stored = localStorage.getItem('agent-inbox-language');
    if (stored) tags.push(stored);
  } catch (e) {}
  for (const tag of navigator.languages || []) tags.push(tag);
  if (navigator.language) tags.push(navigator.language);
  const text = tags.join('\n');
  const size = lengthBytesUTF8(text) + 1;
  const out = _malloc(size);
  stringToUTF8(text, out, size);
  return out;
});

EM_JS(void, store_page_language, (const char* code), {
  try {
    localStorage.setItem('agent-inbox-language', UTF8ToString(code));
  } catch (e) {}
});

// The catalogs are preloaded into /i18n (see CMakeLists.txt); English needs none.
void load_languages() {
  for (const inbox::ui::Language language : inbox::ui::kLanguages) {
    if (language == inbox::ui::Language::en) continue;
    const std::string path = std::string("/i18n/") + inbox::ui::language_code(language) + ".json";
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    if (!file) {
      std::fprintf(stderr, "%s missing\n", path.c_str());
      continue;
    }
    if (auto error = inbox::ui::load_catalog(language, text.str())) std::fprintf(stderr, "%s: %s\n", path.c_str(), error->c_str());
  }
  char* tags = page_language_tags();
  std::istringstream lines(tags);
  std::free(tags);
  inbox::ui::Language chosen = inbox::ui::Language::en;
  for (std::string tag; std::getline(lines, tag);) {
    if (const auto language = inbox::ui::language_from_tag(tag)) {
      chosen = *language;
      break;
    }
  }
  inbox::ui::set_language(chosen);
  inbox::ui::set_language_changed_callback([](inbox::ui::Language language) {
    store_page_language(inbox::ui::language_code(language));
    inbox::web::wake(2);
  });
}



struct WebApp {
  GLFWwindow* window = nullptr;
  inbox::web::DemoSession demo;
  inbox::ui::ShellState shell;
};

WebApp& web_app() {
  static WebApp app;
  return app;
}

inbox::ui::LocalClock local_clock() { return {inbox::web::page_now_ms(), local_utc_offset_minutes()}; }

void draw_loading() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::Begin("loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
  const char* text = inbox::ui::tr("Loading the demo…");
  ImGui::SetCursorPos(ImVec2((viewport->Size.x - ImGui::CalcTextSize(text).x) / 2, viewport->Size.y / 2));
  ImGui::TextDisabled("%s", text);
  ImGui::End();
}

void reload_fonts_and_theme(float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  if (!inbox::ui::load_fonts(io, "/fonts", pixel_ratio)) std::fprintf(stderr, "fonts missing: using ImGui's default\n");
  io.FontGlobalScale = 1.0f;
  inbox::ui::apply_theme(pixel_ratio);
}

void frame(void* arg) {
  WebApp& app = *static_cast<WebApp*>(arg);
  const inbox::ui::LocalClock clock = local_clock();
  // A timer fell due or the simulated world acted: draw.
  if (inbox::web::demo_tick(app.demo, app.shell, clock.now_ms)) inbox::web::wake(2);
  if (!inbox::web::consume_wake(clock.now_ms)) return;  // idle: nothing changed, draw nothing
  const double frame_started_ms = emscripten_get_now();

  const inbox::web::CanvasMetrics& canvas = inbox::web::canvas_metrics();
  if (inbox::web::take_pixel_ratio_changed()) {
    reload_fonts_and_theme(canvas.pixel_ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // The page sizes the canvas backing store itself (CSS size x devicePixelRatio); GLFW's window size would lag.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(canvas.width_px), static_cast<float>(canvas.height_px));
  io.DisplayFramebufferScale = ImVec2(1, 1);

  ImGui::NewFrame();
  inbox::ui::locator_begin_frame();
  if (app.demo.ready) {
    // Timers and the simulated world are looked at before every frame (demo_tick): only the UI's own
    // deadlines (a toast expiring, a countdown ticking) need a wake-up here.
    inbox::web::wake_at(inbox::ui::draw_shell(app.shell, *app.demo.engine, clock));
  } else {
    draw_loading();
  }
  ImGui::Render();
  inbox::web::sync_text_input();
  inbox::ui::locator_end_frame();
  const double ui_ms = emscripten_get_now() - frame_started_ms;

  glViewport(0, 0, canvas.width_px, canvas.height_px);
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  inbox::web::count_frame(ui_ms, emscripten_get_now() - frame_started_ms);
  inbox::web::demo_after_frame(app.demo, app.shell);
  // ImGui trickles input: several key events for one key wait for later frames, which must come even though
  // no new input arrives.
  if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) inbox::web::wake(1);
}

// ImGui's backend listens for the wheel on the document and cancels it, which Chromium refuses there (wheel
// listeners on the document are passive) with a console error per notch. On the canvas it may cancel, so the
// page never scrolls under the inbox. Steps as in ImGui's handler: 100 pixels or 3 lines a notch.
EM_BOOL on_canvas_wheel(int, const EmscriptenWheelEvent* event, void*) {
  float per_step = 1.0f / 100.0f;
  if (event->deltaMode == DOM_DELTA_LINE) per_step = 1.0f / 3.0f;
  if (event->deltaMode == DOM_DELTA_PAGE) per_step = 80.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(event->deltaX) * -per_step,
                                    static_cast<float>(event->deltaY) * -per_step);
  inbox::web::wake(2);
  return EM_TRUE;
}

void install_wheel() {
  emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, false, on_canvas_wheel);
}

}  // namespace

int main() {
  if (!glfwInit()) {
    std::fprintf(stderr, "glfwInit failed\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  load_languages();
  WebApp& app = web_app();
  inbox::web::demo_open(app.demo, app.shell);
  app.window = glfwCreateWindow(1280, 800, "Agent Inbox", nullptr, nullptr);
  if (app.window == nullptr) {
    std::fprintf(stderr, "WebGL2 context creation failed\n");
    return 1;
  }
  glfwMakeContextCurrent(app.window);
  notify_page_window_created();

  IMGUI_CHECKVERSION();
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no filesystem on the web; what matters is persisted through IndexedDB
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames while idle
  inbox::ui::locator_attach(context);
  ImGui_ImplGlfw_InitForOpenGL(app.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  install_wheel();
  inbox::web::install_clipboard();
  inbox::web::install_text_input(app.window);
  reload_fonts_and_theme(inbox::web::canvas_metrics().pixel_ratio);
  inbox::web::take_pixel_ratio_changed();

  emscripten_set_main_loop_arg(frame, &app, 0, false);
  return 0;
}

// Called from web/shell.js: whether the demo is loaded, whether everything it did is stored, and whether the
// load started from a stored snapshot.
extern "C" {
EMSCRIPTEN_KEEPALIVE int inbox_ready() { return web_app().demo.ready ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE int inbox_saved() {
  const inbox::web::DemoSession& demo = web_app().demo;
  return demo.ready && demo.store.saved() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE int inbox_loaded_from_snapshot() { return web_app().demo.store.loaded_from_snapshot() ? 1 : 0; }

// The offers waiting in the demo, for tests: [{conversation, user, name, expires_at}]. Whoever is signed in
// sees only their own in the popup; a test uses this to know whom to sign in as.
EMSCRIPTEN_KEEPALIVE const char* inbox_offers_json() {
  static std::string text;
  nlohmann::json out = nlohmann::json::array();
  const WebApp& app = web_app();
  if (app.demo.ready) {
    const inbox::State& state = app.demo.engine->state();
    for (uint32_t u = 0; u < state.users.size(); ++u) {
      for (const inbox::ConversationId id : inbox::offers_waiting_for(state, inbox::UserId(u))) {
        out.push_back({{"conversation", id.value}, {"user", u}, {"name", state.users[u].name},
                       {"expires_at", state.conversations[id.index()].offer_expires_at}});
      }
    }
  }
  text = out.dump();
  return text.c_str();
}
}
