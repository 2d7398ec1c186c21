// The assignment engine's part of apply(): the step every conversation change goes through (views,
// routing index, the reply and offer deadlines, timers), and the engine's own events. Called only by apply().
#pragma once
#include <cstdint>

#include "core/events.h"
#include "core/routing_index.h"
#include "core/state.h"
#include "core/views.h"

namespace inbox {

// After a conversation changed (before: as it was; exists false for a new one): assignment times, the
// reply deadline, loads, queue and timers follow.
void routing_conversation_changed(State& state, ConversationId id, const RoutingSlot& before, int64_t at_ms);

// Every change to a conversation goes through here, so its place in the views and the engine follows it.
template <class F>
void change_conversation(State& state, ConversationId id, int64_t at_ms, F&& change) {
  Conversation& conversation = state.conversations.at(id.index());
  const ViewKey view_before = view_key(conversation);
  const RoutingSlot routing_before = routing_slot(conversation);
  change(conversation);
  views_move_conversation(state.views, view_before, view_key(conversation), id);
  routing_conversation_changed(state, id, routing_before, at_ms);
}

// The offer timer of a conversation offered now: the team's, else the default for manual offers.
int64_t offer_timeout_ms(const State& state, TeamId team);

void apply_routing_event(State& state, const Event& event, const AssignmentSettingsUpdated& e);
void apply_routing_event(State& state, const Event& event, const TeamRoutingSet& e);
void apply_routing_event(State& state, const Event& event, const UserCapacitySet& e);
void apply_routing_event(State& state, const Event& event, const ChannelTeamSet& e);
void apply_routing_event(State& state, const Event& event, const ConversationPrioritySet& e);
void apply_routing_event(State& state, const Event& event, const DirectRouteExpired& e);
void apply_routing_event(State& state, const Event& event, const UserConnectionChanged& e);
void apply_routing_event(State& state, const Event& event, const DisconnectGraceEnded& e);
void apply_routing_event(State& state, const Event& event, const ChatsReturned& e);
void apply_routing_event(State& state, const Event& event, const AssignmentExplained& e);
void apply_routing_event(State& state, const Event& event, const OfferExpired& e);
void apply_routing_event(State& state, const Event& event, const OfferDeclined& e);
void apply_routing_event(State& state, const Event& event, const ConversationTeamSet& e);

}  // namespace inbox
