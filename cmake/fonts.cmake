# Fonts come from Debian packages (fonts-noto-core, fonts-symbola) and are cut down at build time to the
# code points the inbox draws, so the browser downloads about a tenth of the original files.
set(INBOX_FONT_TEXT_SOURCE /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf)
set(INBOX_FONT_EMOJI_SOURCE /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf)
set(INBOX_FONTS_DIR "${CMAKE_BINARY_DIR}/fonts")
# Keep in sync with the glyph ranges in src/app/fonts.cpp.
set(INBOX_TEXT_UNICODES "U+0020-017F,U+0180-024F,U+0300-036F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2022,U+00B7")
set(INBOX_EMOJI_UNICODES "U+23E9-23FA,U+2600-27BF,U+2B50,U+2B55,U+1F300-1F5FF,U+1F600-1F64F,U+1F680-1F6FF,U+1F900-1F9FF")

find_program(PYFTSUBSET pyftsubset REQUIRED)
add_custom_command(
  OUTPUT "${INBOX_FONTS_DIR}/text.ttf" "${INBOX_FONTS_DIR}/emoji.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${INBOX_FONTS_DIR}"
  COMMAND ${PYFTSUBSET} ${INBOX_FONT_TEXT_SOURCE} --unicodes=${INBOX_TEXT_UNICODES}
          --layout-features=* --no-hinting --output-file=${INBOX_FONTS_DIR}/text.ttf
  COMMAND ${PYFTSUBSET} ${INBOX_FONT_EMOJI_SOURCE} --unicodes=${INBOX_EMOJI_UNICODES}
          --no-hinting --output-file=${INBOX_FONTS_DIR}/emoji.ttf
  DEPENDS ${INBOX_FONT_TEXT_SOURCE} ${INBOX_FONT_EMOJI_SOURCE}
  COMMENT "Subsetting fonts from Debian's packages")
add_custom_target(inbox_fonts DEPENDS "${INBOX_FONTS_DIR}/text.ttf" "${INBOX_FONTS_DIR}/emoji.ttf")
