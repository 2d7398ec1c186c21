// The template picker the compose box offers when free text cannot reach the customer (the WhatsApp
// window is closed): the workspace's approved templates, a preview filled in as the parameters are typed,
// and Send, which submits SendMessage in its template form.
#pragma once
#include <string>
#include <vector>

#include "app/time_format.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

struct TemplatePickerState {
  int chosen = -1;  // index into State::templates
  std::vector<std::string> params;
};

void draw_template_picker(TemplatePickerState& ui, sync::Engine& engine, UserId viewer, ConversationId conversation,
                          const LocalClock& clock);

}  // namespace inbox::ui
