// The assignment engine's configuration and records as plain structs: per-team strategy and timers,
// the workspace's exclusions and disconnect periods, a contact's direct-routing rule (campaign replies),
// and the explanation kept for every automatic assignment. Rules: docs/assignment.md.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/inline_vector.h"
#include "core/reflect.h"

namespace inbox {

enum class Role : uint8_t;

// What a team chooses for handing out its conversations.
enum class AssignmentStrategy : uint8_t { least_busy, round_robin, default_user };
template <>
struct EnumNames<AssignmentStrategy> {
  static constexpr std::array<const char*, 3> names = {"least_busy", "round_robin", "default_user"};
};

// What decided an assignment (explanations): the team's strategy, a campaign's direct route, or escalation.
// The first three share the strategies' names and positions.
enum class AssignmentRule : uint8_t { least_busy, round_robin, default_user, direct_routing, escalation };
template <>
struct EnumNames<AssignmentRule> {
  static constexpr std::array<const char*, 5> names = {"least_busy", "round_robin", "default_user", "direct_routing",
                                                       "escalation"};
};

constexpr AssignmentRule rule_of(AssignmentStrategy strategy) {
  switch (strategy) {
    case AssignmentStrategy::least_busy: return AssignmentRule::least_busy;
    case AssignmentStrategy::round_robin: return AssignmentRule::round_robin;
    case AssignmentStrategy::default_user: return AssignmentRule::default_user;
  }
  return AssignmentRule::least_busy;
}

// What made the engine assign: a conversation waiting in the queue, or an assignee who did not reply in time.
enum class AssignmentTrigger : uint8_t { queue, reply_timeout, inbound };
template <>
struct EnumNames<AssignmentTrigger> {
  static constexpr std::array<const char*, 3> names = {"queue", "reply_timeout", "inbound"};
};

// Why a team member was not picked (explanation log).
enum class SkipReason : uint8_t { excluded_user, excluded_role, not_available, at_capacity, recent_assignee, declined };
template <>
struct EnumNames<SkipReason> {
  static constexpr std::array<const char*, 6> names = {"excluded_user", "excluded_role", "not_available",
                                                       "at_capacity",   "recent_assignee", "declined"};
};

constexpr int64_t kOfferTimeoutDefaultMs = 2 * 60'000;  // a manual offer in a team with no offer timer
constexpr int64_t kDirectRouteMs = 24LL * 60 * 60 * 1000;
constexpr uint32_t kPriorityMax = 10;

// How one team hands out its conversations.
struct TeamRouting {
  AssignmentStrategy strategy = AssignmentStrategy::least_busy;  // least_busy, round_robin or default_user
  UserId default_user;              // default_user strategy: always this member (queueing when not eligible)
  int64_t offer_timeout_ms = 0;     // 0: assign at once; else offer, and RONA when not accepted in time
  uint32_t capacity_max = 0;        // concurrent chats per agent unless the agent has their own; 0: no limit
  int64_t reply_timeout_ms = 0;     // 0: off; else reassign when the assignee has not replied in time
  uint32_t reassign_max = 2;        // reassignments before escalating to the supervisors
  std::vector<UserId> escalate_to;  // empty: the team's supervisors and administrators

  template <class F>
  static void fields(F&& f) {
    f("strategy", &TeamRouting::strategy);
    f("default_user", &TeamRouting::default_user);
    f("offer_timeout_ms", &TeamRouting::offer_timeout_ms);
    f("capacity_max", &TeamRouting::capacity_max);
    f("reply_timeout_ms", &TeamRouting::reply_timeout_ms);
    f("reassign_max", &TeamRouting::reassign_max);
    f("escalate_to", &TeamRouting::escalate_to);
  }
};

// Workspace-wide assignment rules (the on/off switch is Settings::automatic_assignment).
struct AssignmentSettings {
  std::vector<Role> excluded_roles;   // every role is eligible by default
  std::vector<UserId> excluded_users;  // every user is eligible by default
  int64_t disconnect_grace_ms = 2 * 60'000;      // disconnected but still assignable for this long
  int64_t return_chats_after_ms = 15 * 60'000;   // then their open chats go back to the queue; 0: never

  template <class F>
  static void fields(F&& f) {
    f("excluded_roles", &AssignmentSettings::excluded_roles);
    f("excluded_users", &AssignmentSettings::excluded_users);
    f("disconnect_grace_ms", &AssignmentSettings::disconnect_grace_ms);
    f("return_chats_after_ms", &AssignmentSettings::return_chats_after_ms);
  }
};

// A campaign's routing rule on a contact: their reply goes to this team (and agent) until expires_at.
struct DirectRoute {
  TeamId team;
  UserId agent;  // none: the team's normal rules (bulk campaigns)
  int64_t sent_at = 0;
  int64_t expires_at = 0;

  template <class F>
  static void fields(F&& f) {
    f("team", &DirectRoute::team);
    f("agent", &DirectRoute::agent);
    f("sent_at", &DirectRoute::sent_at);
    f("expires_at", &DirectRoute::expires_at);
  }
};

struct Candidate {
  UserId user;
  uint32_t load = 0;            // active chats plus open offers when considered
  int64_t idle_since = 0;       // last assignment or activity (kNever: never)

  template <class F>
  static void fields(F&& f) {
    f("user", &Candidate::user);
    f("load", &Candidate::load);
    f("idle_since", &Candidate::idle_since);
  }
};

struct Skip {
  UserId user;
  SkipReason reason = SkipReason::not_available;

  template <class F>
  static void fields(F&& f) {
    f("user", &Skip::user);
    f("reason", &Skip::reason);
  }
};

constexpr size_t kExplainCandidatesMax = 4;
constexpr size_t kExplainSkippedMax = 8;

// Why a conversation went to whom. Bounded: the best few candidates and the first few skipped members
// are listed, the rest only counted (a team of 10,000 is not copied into every record).
struct Explanation {
  ConversationId conversation;
  TeamId team;
  AssignmentRule strategy = AssignmentRule::least_busy;
  AssignmentTrigger trigger = AssignmentTrigger::queue;
  UserId chosen;        // none: escalation found nobody, the chat waits in Unassigned
  bool offered = false;  // an offer to accept, not an assignment
  uint32_t members = 0;   // team size
  uint32_t eligible = 0;  // members who could take it (available, not excluded, with room)
  InlineVector<Candidate, kExplainCandidatesMax> candidates;  // the chosen first, then the runners-up in order
  InlineVector<Skip, kExplainSkippedMax> skipped;             // members passed over, with why
  uint32_t skipped_unlisted = 0;      // passed over but not listed

  template <class F>
  static void fields(F&& f) {
    f("conversation", &Explanation::conversation);
    f("team", &Explanation::team);
    f("strategy", &Explanation::strategy);
    f("trigger", &Explanation::trigger);
    f("chosen", &Explanation::chosen);
    f("offered", &Explanation::offered);
    f("members", &Explanation::members);
    f("eligible", &Explanation::eligible);
    f("candidates", &Explanation::candidates);
    f("skipped", &Explanation::skipped);
    f("skipped_unlisted", &Explanation::skipped_unlisted);
  }
};

constexpr size_t kExplainScanMax = 32;      // members looked at to list skipped ones (least busy)
constexpr size_t kExplanationsKept = 100'000;  // the state keeps the newest; the event log keeps all

// The newest explanations, a ring: supervisors read them (assignment_log()); the event log has every one.
struct ExplanationLog {
  std::vector<Explanation> entries;
  std::vector<int64_t> at_ms;  // when each entry was recorded (its event's time), at the same positions
  uint32_t next = 0;  // where the next one goes once the ring is full

  template <class F>
  static void fields(F&& f) {
    f("entries", &ExplanationLog::entries);
    f("at_ms", &ExplanationLog::at_ms);
    f("next", &ExplanationLog::next);
  }
};

}  // namespace inbox
