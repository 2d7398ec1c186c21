#include "core/text.h"

#include <doctest/doctest.h>

using inbox::fold_for_search;
using inbox::phone_digits;

TEST_CASE("search folding: 'sao paulo' matches 'São Paulo'") {
  CHECK(fold_for_search("São Paulo") == "sao paulo");
}

TEST_CASE("search folding strips es/pt/fr accents and lower-cases") {
  CHECK(fold_for_search("ÁÉÍÓÚ áéíóú Ñ ñ Ç ç Ã õ") == "aeiou aeiou n n c c a o");
  CHECK(fold_for_search("Œuvre cœur") == "oeuvre coeur");
  CHECK(fold_for_search("Straße") == "strasse");
  CHECK(fold_for_search("Łódź Žižkov") == "lodz zizkov");
}

TEST_CASE("search folding keeps emoji and other scripts as they are") {
  CHECK(fold_for_search("Olá 👋") == "ola 👋");
  CHECK(fold_for_search("€ — “x”") == "€ — “x”");
}

TEST_CASE("search folding turns broken UTF-8 into U+FFFD instead of reading past the end") {
  CHECK(fold_for_search(std::string("ab\xC3", 3)) == "ab\xEF\xBF\xBD");
  CHECK(fold_for_search(std::string("\xFF", 1)) == "\xEF\xBF\xBD");
}

TEST_CASE("phone digits ignore any formatting") {
  CHECK(phone_digits("+55 (11) 98765-4321") == "5511987654321");
  CHECK(phone_digits("") == "");
}

TEST_CASE("message length counts code points: accents and emoji are one character each") {
  CHECK(inbox::utf8_code_points("abc") == 3u);
  CHECK(inbox::utf8_code_points("ação") == 4u);
  CHECK(inbox::utf8_code_points("👍🏽") == 2u);
  CHECK(inbox::utf8_code_points("\xEF\xBF\xBD") == 1u);
}

TEST_CASE("invalid UTF-8 is detected: broken, overlong, surrogate") {
  CHECK_FALSE(inbox::utf8_code_points(std::string("a\xC3", 2)));
  CHECK_FALSE(inbox::utf8_code_points("\xC0\xAF"));
  CHECK_FALSE(inbox::utf8_code_points("\xED\xA0\x80"));
  CHECK_FALSE(inbox::utf8_code_points("\xFF"));
}

TEST_CASE("phones in any formatting become E.164; numbers without the country code are refused") {
  CHECK(inbox::normalize_e164("+55 (11) 98765-4321") == std::string("+5511987654321"));
  CHECK(inbox::normalize_e164(" +33 6.12.34.56.78") == std::string("+33612345678"));
  CHECK_FALSE(inbox::normalize_e164("11 98765-4321"));
  CHECK_FALSE(inbox::normalize_e164("+1234"));
  CHECK_FALSE(inbox::normalize_e164("+0123456789"));
  CHECK_FALSE(inbox::normalize_e164("+55 11 9876x4321"));
}
