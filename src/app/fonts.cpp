#include "app/fonts.h"

#include <cstdio>
#include <string>

namespace inbox::ui {
namespace {

// Keep in sync with INBOX_TEXT_UNICODES / INBOX_EMOJI_UNICODES in cmake/fonts.cmake.
const ImWchar kTextRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A/B: á ñ ç ã õ œ
    0x0300, 0x036F,  // combining accents (dead keys may produce them)
    0x2010, 0x2027,  // dashes, quotes “ ” ‘ ’, bullet, ellipsis
    0x2030, 0x203A,
    0x20AC, 0x20AC,  // €
    0x2122, 0x2122,
    0,
};
const ImWchar kEmojiRanges[] = {
    0x23E9, 0x23FA,                    // ⏰ ⏳
    0x2600, 0x27BF,                    // ☎ ☀ ⚠ ✅ ✔ ❤
    0x2B50, 0x2B50, 0x2B55, 0x2B55,    // ⭐ ⭕
    0x1F300, 0x1F5FF, 0x1F600, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F900, 0x1F9FF,
    0,
};

// Emoji sequences carry code points that only say how to draw the emoji before them (text or colour style,
// joined into one). Symbola has no glyph for them, so ImGui would draw its fallback "?" after every ☀️ or ❤️:
// they get an invisible glyph that takes no room instead.
constexpr ImWchar kInvisibleModifiers[] = {0x200D, 0xFE0E, 0xFE0F};

bool readable(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::fclose(f);
  return true;
}

}  // namespace

bool load_fonts(ImGuiIO& io, const char* fonts_dir, float pixel_ratio) {
  const std::string text_path = std::string(fonts_dir) + "/text.ttf";
  const std::string emoji_path = std::string(fonts_dir) + "/emoji.ttf";
  io.Fonts->Clear();
  if (!readable(text_path) || !readable(emoji_path)) {
    io.Fonts->AddFontDefault();
    return false;
  }
  const float size_px = kBaseFontSizePx * pixel_ratio;
  ImFontConfig text_config;
  text_config.OversampleH = 2;
  text_config.OversampleV = 1;
  ImFont* font = io.Fonts->AddFontFromFileTTF(text_path.c_str(), size_px, &text_config, kTextRanges);

  ImFontConfig emoji_config;
  emoji_config.MergeMode = true;
  emoji_config.OversampleH = 1;
  emoji_config.OversampleV = 1;
  // Symbola's tall ascent/descent makes its glyphs small at the text's pixel size: enlarge and re-centre them.
  const float emoji_size_px = size_px * 1.3f;
  emoji_config.GlyphMinAdvanceX = size_px;
  emoji_config.GlyphOffset.y = size_px * 0.12f;
  io.Fonts->AddFontFromFileTTF(emoji_path.c_str(), emoji_size_px, &emoji_config, kEmojiRanges);
  for (const ImWchar c : kInvisibleModifiers) io.Fonts->AddCustomRectFontGlyph(font, c, 1, 1, 0.0f);  // left blank
  return io.Fonts->Build();
}

}  // namespace inbox::ui
