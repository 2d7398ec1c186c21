// The whole workspace: dense vectors of entities indexed by their ids, plus the derived views.
// Only apply() changes it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/campaign_model.h"
#include "core/model.h"
#include "core/reflect.h"
#include "core/routing_index.h"
#include "core/routing_model.h"
#include "core/timers.h"
#include "core/views.h"

namespace inbox {

struct State {
  Settings settings;
  std::vector<User> users;
  std::vector<Team> teams;
  std::vector<Channel> channels;
  std::vector<Contact> contacts;
  std::vector<Conversation> conversations;
  std::vector<Message> messages;
  std::vector<ClosingReason> closing_reasons;
  std::vector<MessageTemplate> templates;
  std::vector<Tag> tags;
  std::vector<MessageExtra> message_extras;
  std::vector<Referral> referrals;
  std::string message_text;                      // every message's text, back to back (Message::text_begin/text_size)
  std::vector<DeliveryStatus> message_delivery;  // per message (kept apart: one byte, not Message's padding)
  std::vector<Campaign> campaigns;
  std::vector<ProviderRef> provider_ids;  // in the order they became known
  AssignmentSettings assignment;
  ExplanationLog explanations;
  int64_t clock_ms = kNever;  // the latest at_ms applied: when the engine's pending dispatch is due
  // Derived indexes, kept up to date by apply() (rebuild_views/rebuild_routing/rebuild_timers recompute them).
  Views views;
  RoutingIndex routing;
  TimerIndex timers;

  template <class F>
  static void fields(F&& f) {
    f("settings", &State::settings);
    f("users", &State::users);
    f("teams", &State::teams);
    f("channels", &State::channels);
    f("contacts", &State::contacts);
    f("conversations", &State::conversations);
    f("messages", &State::messages);
    f("closing_reasons", &State::closing_reasons);
    f("templates", &State::templates);
    f("tags", &State::tags);
    f("message_extras", &State::message_extras);
    f("referrals", &State::referrals);
    f("message_text", &State::message_text);
    f("message_delivery", &State::message_delivery);
    f("campaigns", &State::campaigns);
    f("provider_ids", &State::provider_ids);
    f("assignment", &State::assignment);
    f("explanations", &State::explanations);
    f("clock_ms", &State::clock_ms);
    f("views", &State::views);
    f("routing", &State::routing);
    f("timers", &State::timers);
  }
};

// Whether a member pointer of State names a derived index: snapshots (JSON and binary) leave those out,
// rebuild_indexes() recomputes them.
template <class Member>
constexpr bool is_derived_index_v = std::is_same_v<Member, Views State::*> ||
                                    std::is_same_v<Member, RoutingIndex State::*> ||
                                    std::is_same_v<Member, TimerIndex State::*>;

// Lookups that return nullptr for an id that is none or out of range (ids in commands are input), and
// find_team() for a deleted team.
const User* find_user(const State& state, UserId id);
const Team* find_team(const State& state, TeamId id);
const Channel* find_channel(const State& state, ChannelId id);
const Contact* find_contact(const State& state, ContactId id);
const Conversation* find_conversation(const State& state, ConversationId id);
const ClosingReason* find_closing_reason(const State& state, ClosingReasonId id);
const Campaign* find_campaign(const State& state, CampaignId id);

bool in_team(const Team& team, UserId user);

std::string_view message_text(const State& state, MessageId id);
// Up to `limit` of the conversation's newest messages, oldest first (what a chat panel shows).
std::vector<MessageId> conversation_messages(const State& state, ConversationId id, size_t limit = SIZE_MAX);
const MessageExtra* message_extra(const State& state, MessageId id);
const Referral* conversation_referral(const State& state, ConversationId id);

// Recomputes every derived index (views, routing, timers): what loading a snapshot uses.
void rebuild_indexes(State& state);

}  // namespace inbox
