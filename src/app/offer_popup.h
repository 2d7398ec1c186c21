// The offer popup: when the assignment engine offers a conversation to the signed-in agent, or a teammate asks
// them to take one over (a transfer request), a card with the customer's name and phone, the number they
// wrote to, the queue, who asks, a running timer, Accept and Decline. An offer not accepted in time puts the
// agent in RONA and the chat moves on; a request not accepted is abandoned; the card goes with either.
#pragma once
#include <cstdint>
#include <vector>

#include "app/time_format.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

struct OfferPopupState {
  uint64_t read_revision = 0;  // offers are read again when the engine's state changes
  UserId read_for;
  std::vector<ConversationId> offers;
};

// "0:42": minutes and seconds of a duration (negative counts as zero).
std::string format_countdown(int64_t ms);

// Draws the viewer's offers, newest expiry last. Returns when the card needs its next frame (its timers tick
// every second), 0 when there is no offer. `accepted` is set to the conversation the viewer accepted.
int64_t draw_offer_popup(OfferPopupState& ui, sync::Engine& engine, UserId viewer, const LocalClock& clock,
                         ConversationId& accepted);

}  // namespace inbox::ui
