// What the simulated people look at: the newest conversations of a status, a customer's address on the
// conversation's channel, and a hash that decides per message or per conversation what someone does (so
// the same state always leads to the same actions).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/state.h"

namespace inbox::demo {

// Conversations of this status whose last message came at or after `since_ms`, newest first (at most a few
// hundred: the simulated people only act on what just happened).
std::vector<ConversationId> recent_conversations(const State& state, ConversationStatus status, int64_t since_ms);

// The address the customer writes from on the conversation's channel; nullptr when there is none.
const std::string* contact_address(const State& state, const Conversation& conversation);

uint64_t mix(uint64_t value, uint64_t salt);

// The customers' part of a step: answers to the agents' replies (customers.cpp).
std::vector<Command> customers_answer(const State& state, int64_t now_ms);
// Delivered and read reports for the agents' recent messages (customers.cpp).
std::vector<Command> phones_report(const State& state, int64_t now_ms);

}  // namespace inbox::demo
