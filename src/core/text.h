// Text normalisation: search folding (case and accents), phone numbers, UTF-8 checks.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace inbox {

// Lower-cases and strips Latin diacritics ("São Paulo" -> "sao paulo"); other code points pass through.
std::string fold_for_search(std::string_view utf8);
// The same, appended to out: the search index folds a million messages without a temporary each.
void append_folded(std::string_view utf8, std::string& out);

// Keeps only the digits of a phone number in any formatting ("+55 (11) 9876-5432" -> "5511987655432").
std::string phone_digits(std::string_view text);

// Number of code points, or nullopt when the text is not valid UTF-8 (what the 4096 limit counts).
std::optional<size_t> utf8_code_points(std::string_view text);

// "+55 (11) 98765-4321" -> "+5511987654321". Needs the leading '+' and 8 to 15 digits; spaces, dots,
// dashes and parentheses are the only formatting allowed. nullopt when it is not a phone number.
std::optional<std::string> normalize_e164(std::string_view text);

}  // namespace inbox
