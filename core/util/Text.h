// Text helpers for matching people's names: case and accent folding, tokens, digits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

// Lower-case ASCII with Latin accents removed ("Núñez" -> "nunez", "Søren" -> "soren", "Straße" -> "strasse").
std::string foldForSearch(std::string_view utf8);
// Folded words split at spaces, hyphens, apostrophes and other punctuation ("García-Márquez" -> garcia, marquez).
std::vector<std::string> searchTokens(std::string_view utf8);
std::string digitsOnly(std::string_view text);
std::string trimmed(std::string_view text);
bool isValidUtf8(std::string_view text);

} // namespace practica::core
