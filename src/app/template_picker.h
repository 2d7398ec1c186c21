// The template picker the compose box offers when free text cannot reach the customer (the WhatsApp
// window is closed): the workspace's approved templates, a preview filled in as the parameters are typed,
// and Send, which submits SendMessage in its template form.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/time_format.h"
#include "core/ids.h"
#include "core/model.h"
#include "core/state.h"
#include "sync/engine.h"

namespace inbox::ui {

struct TemplatePickerState {
  int chosen = -1;  // index into State::templates
  std::vector<std::string> params;
};

// Shared with the campaign form: the chooser (a button "<chosen or Choose a template>###<id>" and its list),
// returning the chosen template if any; the template as chosen once every parameter is filled; one field
// per parameter and the body as it will read.
const MessageTemplate* draw_template_choice(TemplatePickerState& ui, const State& state, const char* id);
std::optional<Template> filled_template(const TemplatePickerState& ui, const MessageTemplate& chosen);
void draw_template_params(TemplatePickerState& ui, const MessageTemplate& chosen);

void draw_template_picker(TemplatePickerState& ui, sync::Engine& engine, UserId viewer, ConversationId conversation,
                          const LocalClock& clock);

}  // namespace inbox::ui
