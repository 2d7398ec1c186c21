# Dear ImGui 1.90.1 (fetched by scripts/setup.sh into third_party/imgui; never committed).
set(INBOX_IMGUI_SOURCES
  ${IMGUI_DIR}/imgui.cpp
  ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
set(INBOX_IMGUI_BACKEND_SOURCES
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
# Third-party code is compiled without our warnings. Source properties are per directory: each directory that
# compiles ImGui sources calls this.
macro(inbox_quiet_imgui_sources)
  set_source_files_properties(${INBOX_IMGUI_SOURCES} ${INBOX_IMGUI_BACKEND_SOURCES} PROPERTIES COMPILE_OPTIONS "-w")
endmacro()
# Wide code points for emoji; item hooks for the test locator (our own hooks, not Dear ImGui's test engine).
set(INBOX_IMGUI_DEFINITIONS IMGUI_USE_WCHAR32 IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
