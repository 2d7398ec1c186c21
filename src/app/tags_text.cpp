#include "app/tags_text.h"

namespace inbox::ui {

std::vector<std::string> split_tags(const std::string& text) {
  std::vector<std::string> tags;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string tag = text.substr(start, end - start);
    const size_t first = tag.find_first_not_of(' ');
    const size_t last = tag.find_last_not_of(' ');
    if (first != std::string::npos) tags.push_back(tag.substr(first, last - first + 1));
    start = end + 1;
  }
  return tags;
}

}  // namespace inbox::ui
