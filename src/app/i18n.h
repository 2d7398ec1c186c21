// UI languages, gettext-style: the English text is the key, so a string reads the same at the call site in
// every language and a missing translation falls back to English. Catalogs are assets/i18n/<code>.json,
// {"English text": "translation"}; format strings keep their printf conversions in the same order.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace inbox::ui {

enum class Language : uint8_t { en, es, pt, fr };
inline constexpr Language kLanguages[] = {Language::en, Language::es, Language::pt, Language::fr};

// The text in the current language. `english` must be a string literal (or otherwise outlive the catalog):
// lookups are cached by its address, so per-frame calls cost one hash of a pointer.
const char* tr(const char* english);
// tr() for a word that reads differently by use: "context|English" is the catalog key, and English shows the
// part after the bar (tr_ctx("dialog|Close") is "Close" in English, "Fechar" in Portuguese where "Close" of a
// conversation is "Encerrar").
const char* tr_ctx(const char* context_and_english);
// Marks a literal for the catalogs where it is stored (a table) rather than drawn; tr() it where it is drawn.
constexpr const char* N_(const char* english) { return english; }

Language current_language();
void set_language(Language language);
const char* language_code(Language language);  // "en", "es", "pt", "fr"
const char* language_name(Language language);  // in its own language: "Español"
// A browser language tag ("pt-BR", "fr", "es-419") to a language we have; nullopt for the rest.
std::optional<Language> language_from_tag(std::string_view tag);

// Replaces a language's catalog with the JSON object in `json`. Returns an error message (nothing changes)
// when the text is not a JSON object of strings.
std::optional<std::string> load_catalog(Language language, std::string_view json);

// The "##language" combo of column 1, each language in its own name. Returns true in the frame the language
// changed (after set_language and the on-change callback).
bool draw_language_picker();
// Called with the new language when the picker changes it (the web page stores the choice).
void set_language_changed_callback(void (*callback)(Language language));

}  // namespace inbox::ui
