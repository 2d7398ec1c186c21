// The assignment engine's index, derived from the state and kept up to date by apply() like the views:
// each agent's load, per team the agents who may take a chat now (in least-busy order and by position for
// round robin) and the waiting queue, and the teams with work to dispatch. A decision reads the front of
// a set: it never recounts conversations nor walks a team.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/model.h"
#include "core/position_set.h"
#include "core/reflect.h"
#include "core/sorted_chunks.h"

namespace inbox {

struct State;

// The least-busy order: fewest chats, then idle longest (earliest last assignment or activity), then id.
// 16 bytes (the 64-bit time first): a decision moves one through its chunk.
struct ReadyKey {
  int64_t idle_since = 0;
  uint32_t load = 0;
  uint32_t user = UserId::kNone;

  ReadyKey() = default;
  ReadyKey(uint32_t load_, int64_t idle_since_, uint32_t user_) : idle_since(idle_since_), load(load_), user(user_) {}

  friend bool operator<(const ReadyKey& a, const ReadyKey& b) {
    if (a.load != b.load) return a.load < b.load;
    if (a.idle_since != b.idle_since) return a.idle_since < b.idle_since;
    return a.user < b.user;
  }
  friend bool operator==(const ReadyKey& a, const ReadyKey& b) {
    return a.load == b.load && a.idle_since == b.idle_since && a.user == b.user;
  }
};

// The queue order: higher priority first, then first come first served.
struct QueueKey {
  uint32_t inverse_priority = 0;  // kPriorityMax - priority
  int64_t opened_at = 0;
  uint32_t conversation = 0;

  friend bool operator<(const QueueKey& a, const QueueKey& b) {
    if (a.inverse_priority != b.inverse_priority) return a.inverse_priority < b.inverse_priority;
    if (a.opened_at != b.opened_at) return a.opened_at < b.opened_at;
    return a.conversation < b.conversation;
  }
  friend bool operator==(const QueueKey& a, const QueueKey& b) {
    return a.inverse_priority == b.inverse_priority && a.opened_at == b.opened_at && a.conversation == b.conversation;
  }
};

// Sorted arrays in chunks rather than red-black trees: a decision pops the front of the queue and moves its
// agent to the back of the ready order, which here is a short memmove in a chunk already in cache.
// ready_positions says who may take a chat; only least-busy teams also keep them in load order (ready):
// round robin and default user never read it, and keeping it would cost every decision a move.
struct TeamIndex {
  PositionSet ready_positions;             // members who may take a chat now (eligible, with room), by position
  SortedChunks<ReadyKey> ready;            // least busy: the same members in least-busy order; else empty
  SortedChunks<QueueKey> queue;            // conversations waiting for an agent

  template <class F>
  static void fields(F&& f) {
    f("ready_positions", &TeamIndex::ready_positions);
    f("ready", &TeamIndex::ready);
    f("queue", &TeamIndex::queue);
  }
};

struct UserIndex {
  uint32_t load = 0;  // active chats assigned to them plus open offers
  ReadyKey key;       // as inserted into their teams' ready sets
  std::vector<std::pair<uint32_t, uint32_t>> teams;  // (team, position in its members), by team

  template <class F>
  static void fields(F&& f) {
    f("load", &UserIndex::load);
    f("key", &UserIndex::key);
    f("teams", &UserIndex::teams);
  }
};

struct RoutingIndex {
  std::vector<UserIndex> users;
  std::vector<TeamIndex> teams;
  std::set<uint32_t> dispatchable;  // teams with a waiting chat and someone to take it (switch on)

  template <class F>
  static void fields(F&& f) {
    f("users", &RoutingIndex::users);
    f("teams", &RoutingIndex::teams);
    f("dispatchable", &RoutingIndex::dispatchable);
  }
};

// What of a conversation the engine looks at; apply() snapshots it before a change (routing_hooks.h).
struct RoutingSlot {
  bool exists = false;
  UserId assignee;
  UserId offered_to;
  TeamId team;
  ConversationStatus status = ConversationStatus::pending;
  bool awaiting_reply = false;
  bool escalated = false;
  uint32_t priority = 0;
  int64_t opened_at = 0;
};
RoutingSlot routing_slot(const Conversation& conversation);
bool routing_same(const RoutingSlot& a, const RoutingSlot& b);
// Waiting for the engine: pending, nobody assigned or offered, in a team, not escalated.
bool slot_queued(const RoutingSlot& slot);

// --- reading ---
int64_t idle_since(const User& user);
uint32_t user_load(const State& state, UserId user);
// The agent's own capacity, else the team's default; 0: no limit.
uint32_t capacity_of(const State& state, UserId user, TeamId team);
bool is_excluded(const State& state, UserId user);
// Why this member may not take a chat of the team now (nullopt: they may).
std::optional<SkipReason> why_not_eligible(const State& state, UserId user, TeamId team);
// The member's position in the team, or nullopt.
std::optional<uint32_t> member_position(const State& state, UserId user, TeamId team);

// --- maintenance, called by apply() ---
void routing_add_user(State& state);
void routing_add_team(State& state);
void routing_move_conversation(State& state, const RoutingSlot& from, const RoutingSlot& to, ConversationId id);
void routing_refresh_user(State& state, UserId user);
void routing_set_members(State& state, TeamId team, const std::vector<UserId>& old_members);
void routing_refresh_team(State& state, TeamId team);
void routing_refresh_all(State& state);

// The same index computed from scratch (snapshots, tests).
RoutingIndex rebuild_routing(const State& state);

}  // namespace inbox
