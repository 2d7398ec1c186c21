// Tags as agents type them: "vip, envío ,  billing" -> {"vip", "envío", "billing"}.
#pragma once
#include <string>
#include <vector>

namespace inbox::ui {

std::vector<std::string> split_tags(const std::string& text);

}  // namespace inbox::ui
