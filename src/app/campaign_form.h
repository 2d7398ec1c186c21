// The contact panel's active message (Blip Desk's individual campaign): an approved template with its
// parameters, where the reply goes for 24 h (a team, and the sender when a member of it), sent now or
// scheduled for a date and time; below it the contact's campaigns, a scheduled one cancelled from there.
#pragma once
#include "app/template_picker.h"
#include "app/time_format.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

struct CampaignFormState {
  ContactId contact;  // whose form this is: another contact starts it over
  TemplatePickerState message;
  TeamId team;          // where replies go; starts as the channel's team
  bool to_me = true;    // and to the sender, when a member of that team
  bool schedule = false;
  LocalDateTime send_at;
};

// Only for channels addressed by phone (WhatsApp): the channels that deliver templates.
void draw_campaign_form(CampaignFormState& ui, sync::Engine& engine, UserId viewer, ContactId contact,
                        ChannelId channel, const LocalClock& clock);

}  // namespace inbox::ui
