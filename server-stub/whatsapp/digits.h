// WhatsApp numbers compared and sent as bare digits: "+55 11 4000-0000" -> "551140000000".
#pragma once
#include <string>
#include <string_view>

namespace inbox::relay::whatsapp {

inline std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

}  // namespace inbox::relay::whatsapp
