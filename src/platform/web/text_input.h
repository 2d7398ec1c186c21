// The text input bridge, app side. Emscripten 3.1.6's GLFW reads characters from `keypress` only, so dead keys,
// IME composition and text inserted without key events (mobile keyboards, dictation, emoji pickers) never reach
// ImGui. While ImGui edits text, the page (web/text_input.js) keeps a hidden textarea focused at the caret and
// sends the text it receives here; GLFW still delivers the keys (Backspace, arrows, Enter, shortcuts).
#pragma once

struct GLFWwindow;

namespace inbox::web {

// Call after ImGui_ImplGlfw_InitForOpenGL (which installs the callback this one wraps): characters from GLFW's
// keypress are dropped while the textarea has focus, because the same characters arrive through it.
void install_text_input(GLFWwindow* window);

// Call after ImGui::Render: tells the page whether ImGui wants text input and where the caret is, so the page
// focuses the textarea (or gives focus back to the canvas) and places it where IME popups should appear.
void sync_text_input();

}  // namespace inbox::web
