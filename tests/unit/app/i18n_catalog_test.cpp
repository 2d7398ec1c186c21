// The catalogs under assets/i18n/ against the sources: every tr("...") / tr_ctx("...") / N_("...") literal in src/app and
// src/platform/web has a translation in es, pt and fr with the same printf conversions, and no catalog keeps a
// key the code no longer uses. Reads the files at test time from INBOX_SOURCE_DIR.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/i18n.h"

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  REQUIRE_MESSAGE(file.good(), "cannot read " << path.string());
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// A C++ string literal's body as the program sees it (the escapes the UI strings use).
std::string unescape(const std::string& body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      out += body[i];
      continue;
    }
    const char next = body[++i];
    out += next == 'n' ? '\n' : next == 't' ? '\t' : next;  // \" \\ \' stand for themselves
  }
  return out;
}

std::set<std::string> source_keys() {
  const std::regex literal(R"re(\b(?:tr|tr_ctx|N_)\(\s*"((?:[^"\\]|\\.)*)"\s*\))re");
  std::set<std::string> keys;
  for (const char* folder : {"src/app", "src/platform/web"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(INBOX_SOURCE_DIR) / folder)) {
      if (entry.path().extension() != ".cpp") continue;
      const std::string text = read_text(entry.path());
      for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
        keys.insert(unescape((*it)[1].str()));
      }
    }
  }
  return keys;
}

// The printf conversions of a format, in order ("%zu", "%s", "%02d"); "%%" counts as one too.
std::vector<std::string> conversions(const std::string& text) {
  static const std::regex conversion(R"re(%[-+ #0]*[0-9]*(?:\.[0-9]+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcspn%])re");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), conversion); it != std::sregex_iterator(); ++it) {
    out.push_back(it->str());
  }
  return out;
}

}  // namespace

TEST_CASE("the source scan finds the UI's strings") {
  const std::set<std::string> keys = source_keys();
  CHECK(keys.size() > 200);
  for (const char* key : {"Mine", "Unassigned", "Open", "Closed", "Accept", "Loading the demo…", "In 30 minutes",
                          "%zu conversations", "Administrator", "Thu", "The customer has not written yet: only a template can be sent on WhatsApp."}) {
    CHECK_MESSAGE(keys.count(key) == 1, key);
  }
  CHECK(unescape(R"(a \"b\" \\ c)") == "a \"b\" \\ c");
  CHECK(conversions("%s: %zu of %02d, 100%%") == std::vector<std::string>{"%s", "%zu", "%02d", "%%"});
}

TEST_CASE("every catalog translates every UI string, keeps its printf conversions and nothing stale") {
  const std::set<std::string> keys = source_keys();
  for (inbox::ui::Language language : inbox::ui::kLanguages) {
    if (language == inbox::ui::Language::en) continue;
    const std::string code = inbox::ui::language_code(language);
    CAPTURE(code);
    const std::string text = read_text(fs::path(INBOX_SOURCE_DIR) / "assets" / "i18n" / (code + ".json"));
    const nlohmann::json catalog = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_MESSAGE(!catalog.is_discarded(), code << ".json is not valid JSON");
    REQUIRE(catalog.is_object());
    CHECK_FALSE(inbox::ui::load_catalog(language, text).has_value());
    for (const std::string& key : keys) {
      CAPTURE(key);
      const auto found = catalog.find(key);
      if (found == catalog.end()) {
        FAIL_CHECK("missing translation");
        continue;
      }
      REQUIRE(found->is_string());
      const std::string translated = found->get<std::string>();
      CHECK_FALSE(translated.empty());
      CHECK(conversions(translated) == conversions(key));
    }
    for (const auto& [key, value] : catalog.items()) {
      CHECK_MESSAGE(keys.count(key) == 1, "stale key in " << code << ".json: " << key);
    }
  }
}
