// The offer popup: when the assignment engine offers a conversation to the signed-in agent, a card with the
// customer's name and phone, the number they wrote to, the queue, a running timer and Accept. Not accepted
// in time, the engine puts the agent in RONA and the chat moves on; the card goes with the offer.
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
