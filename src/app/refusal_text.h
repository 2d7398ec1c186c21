// What a refused command's toast says: in English the core's own message (it names the thing refused); in
// the other languages the translated sentence for its error code, since the core speaks English only.
#pragma once
#include <string>

#include "core/errors.h"

namespace inbox::ui {

std::string refusal_text(const Error& error);

}  // namespace inbox::ui
