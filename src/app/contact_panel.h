// The contact panel beside the chat: name, phone, email edited in place, contact tags (add or replace),
// custom properties, and an active message to the contact (campaign_form.h). The form keeps its own
// buffers while the agent types; Save submits one command.
#pragma once
#include <string>

#include "app/campaign_form.h"
#include "app/time_format.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

struct ContactPanelState {
  bool open = false;
  ContactId loaded;  // whose values the buffers hold
  uint64_t loaded_revision = 0;
  std::string name, phone, email;
  std::string tags_text;
  std::string property_key, property_value;
  CampaignFormState campaign;
};

// channel: the open conversation's, which an active message goes out on.
void draw_contact_panel(ContactPanelState& ui, sync::Engine& engine, UserId viewer, ContactId contact,
                        ChannelId channel, const LocalClock& clock);

}  // namespace inbox::ui
