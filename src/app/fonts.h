// Loads the UI font (Noto Sans, Latin with es/pt/fr accents and typographic punctuation) merged with monochrome
// emoji (Symbola) into ImGui's atlas, at a pixel size that already includes the display's pixel ratio.
#pragma once
#include <imgui.h>

namespace inbox::ui {

constexpr float kBaseFontSizePx = 16.0f;

// fonts_dir holds text.ttf and emoji.ttf (subset at build time, see cmake/fonts.cmake).
// Returns false, leaving ImGui's default font in place, when a file is missing.
bool load_fonts(ImGuiIO& io, const char* fonts_dir, float pixel_ratio);

}  // namespace inbox::ui
