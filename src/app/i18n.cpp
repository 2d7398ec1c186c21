#include "app/i18n.h"

#include "app/test_locator.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <cstring>
#include <unordered_map>

namespace inbox::ui {
namespace {

struct Catalog {
  std::unordered_map<std::string, std::string> texts;
  std::unordered_map<const char*, const char*> by_address;  // filled as literals are looked up
};

struct Languages {
  Language current = Language::en;
  void (*changed)(Language) = nullptr;
  std::array<Catalog, std::size(kLanguages)> catalogs;
};

Languages& languages() {
  static Languages instance;
  return instance;
}

}  // namespace

const char* tr(const char* english) {
  Languages& all = languages();
  if (all.current == Language::en) return english;
  Catalog& catalog = all.catalogs[static_cast<size_t>(all.current)];
  const auto cached = catalog.by_address.find(english);
  if (cached != catalog.by_address.end()) return cached->second;
  const auto found = catalog.texts.find(english);
  const char* text = found != catalog.texts.end() ? found->second.c_str() : english;
  catalog.by_address.emplace(english, text);
  return text;
}

const char* tr_ctx(const char* context_and_english) {
  const char* translated = tr(context_and_english);
  if (translated != context_and_english) return translated;
  const char* bar = std::strchr(context_and_english, '|');
  return bar != nullptr ? bar + 1 : context_and_english;
}

Language current_language() { return languages().current; }

void set_language(Language language) { languages().current = language; }

const char* language_code(Language language) {
  switch (language) {
    case Language::en: return "en";
    case Language::es: return "es";
    case Language::pt: return "pt";
    case Language::fr: return "fr";
  }
  return "en";
}

const char* language_name(Language language) {
  switch (language) {
    case Language::en: return "English";
    case Language::es: return "Español";
    case Language::pt: return "Português";
    case Language::fr: return "Français";
  }
  return "English";
}

std::optional<Language> language_from_tag(std::string_view tag) {
  std::string primary;
  for (char ch : tag.substr(0, tag.find_first_of("-_"))) primary += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (Language language : kLanguages) {
    if (primary == language_code(language)) return language;
  }
  return std::nullopt;
}

std::optional<std::string> load_catalog(Language language, std::string_view json) {
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::string("a catalog must be a JSON object");
  std::unordered_map<std::string, std::string> texts;
  for (const auto& [english, translated] : parsed.items()) {
    if (!translated.is_string()) return "the translation of \"" + english + "\" is not a string";
    texts.emplace(english, translated.get<std::string>());
  }
  Catalog& catalog = languages().catalogs[static_cast<size_t>(language)];
  catalog.texts = std::move(texts);
  catalog.by_address.clear();  // pointers into the old texts are gone
  return std::nullopt;
}

bool draw_language_picker() {
  Languages& all = languages();
  ImGui::SetNextItemWidth(-1);
  const bool open = ImGui::BeginCombo("##language", language_name(all.current));
  locator_label_last_item("##language");
  if (!open) return false;
  bool changed = false;
  for (Language language : kLanguages) {
    const std::string label = std::string(language_name(language)) + "##language_" + language_code(language);
    if (ImGui::Selectable(label.c_str(), language == all.current) && language != all.current) {
      set_language(language);
      if (all.changed != nullptr) all.changed(language);
      changed = true;
    }
  }
  ImGui::EndCombo();
  return changed;
}

void set_language_changed_callback(void (*callback)(Language language)) { languages().changed = callback; }

}  // namespace inbox::ui
