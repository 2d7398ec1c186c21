// The assignment engine at contact-center scale: 10,000 available agents in one team and 1,000,000 open
// conversations already assigned, plus a pool of waiting ones. A decision = pick + apply (the explanation
// and the assignment events). The baseline recounts every agent's active conversations per decision, as a
// query over a conversations table would. Numbers in docs/performance.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/apply.h"
#include "core/assignment.h"
#include "core/routing_index.h"
#include "core/state.h"

namespace inbox::bench {
namespace {

constexpr uint32_t kAgents = 10'000;
constexpr uint32_t kOpen = 1'000'000;
constexpr uint32_t kPool = 100'000;  // waiting conversations; handed back to the queue when used up
constexpr int64_t kT0 = 1'717'000'000'000;

struct Center {
  State state;
  std::vector<ConversationId> pool;
  size_t used = 0;
  int64_t now_ms = kT0;
};

void put(State& state, int64_t at_ms, EventBody body) { apply(state, Event{UserId(), at_ms, std::move(body)}); }

// Built from events directly (the decide() path is measured elsewhere): what matters here is the state's shape.
Center& center() {
  static const std::unique_ptr<Center> built = [] {
    auto c = std::make_unique<Center>();
    State& s = c->state;
    Settings settings;
    settings.automatic_assignment = true;
    put(s, kT0, SettingsUpdated{settings});
    std::vector<UserId> members;
    for (uint32_t i = 0; i < kAgents; ++i) {
      put(s, kT0, UserCreated{UserId(i), "Agent", "", Role::agent});
      put(s, kT0 + i, UserStatusChanged{UserId(i), UserStatus::available});
      members.push_back(UserId(i));
    }
    put(s, kT0, TeamCreated{TeamId(0), "Support"});
    put(s, kT0, TeamMembersSet{TeamId(0), members});
    put(s, kT0, ChannelCreated{ChannelId(0), ChannelKind::webchat, "Site", "site"});
    for (uint32_t i = 0; i < kOpen + kPool; ++i) {
      put(s, kT0, ContactCreated{ContactId(i), "C", "", "", {}});
      ConversationOpened opened;
      opened.conversation = ConversationId(i);
      opened.contact = ContactId(i);
      opened.channel = ChannelId(0);
      opened.team = TeamId(0);
      if (i < kOpen) opened.assignee = UserId(i % kAgents);
      else c->pool.push_back(ConversationId(i));
      put(s, kT0 + 1'000'000, opened);
    }
    c->now_ms = kT0 + 2'000'000;
    return c;
  }();
  return *built;
}

// Hands the used pool back to the queue (timing paused).
void refill(Center& c) {
  for (size_t i = 0; i < c.used; ++i) put(c.state, c.now_ms, ConversationAssigned{c.pool[i], UserId()});
  c.used = 0;
}

void use_strategy(Center& c, AssignmentStrategy strategy) {
  refill(c);
  TeamRouting routing;
  routing.strategy = strategy;
  put(c.state, c.now_ms, TeamRoutingSet{TeamId(0), routing});
}

void run_engine(benchmark::State& bench, AssignmentStrategy strategy) {
  Center& c = center();
  use_strategy(c, strategy);
  std::vector<Event> events;  // reused, as an engine loop would
  for (auto _ : bench) {
    if (c.used == c.pool.size()) {
      bench.PauseTiming();
      refill(c);
      bench.ResumeTiming();
    }
    ++c.now_ms;
    events.clear();
    dispatch(c.state, c.now_ms, events);
    for (const Event& event : events) apply(c.state, event);
    ++c.used;
  }
  bench.SetItemsProcessed(static_cast<int64_t>(bench.iterations()));
  bench.counters["agents"] = kAgents;
  bench.counters["open_conversations"] = static_cast<double>(c.state.conversations.size());
}

void BM_AssignLeastBusy(benchmark::State& bench) { run_engine(bench, AssignmentStrategy::least_busy); }
BENCHMARK(BM_AssignLeastBusy)->MinTime(1.0);

void BM_AssignRoundRobin(benchmark::State& bench) { run_engine(bench, AssignmentStrategy::round_robin); }
BENCHMARK(BM_AssignRoundRobin)->MinTime(1.0);

// The database-query way: per decision, count every agent's active conversations from scratch, then take
// the least busy available one (idle longest on ties) and apply the same events.
void BM_AssignRecountBaseline(benchmark::State& bench) {
  Center& c = center();
  use_strategy(c, AssignmentStrategy::least_busy);
  std::vector<uint32_t> load(c.state.users.size());
  for (auto _ : bench) {
    ++c.now_ms;
    std::fill(load.begin(), load.end(), 0);
    for (const Conversation& conversation : c.state.conversations) {
      if (conversation.status != ConversationStatus::closed && conversation.assignee.valid()) {
        ++load[conversation.assignee.index()];
      }
    }
    const Team& team = c.state.teams[0];
    UserId best;
    for (const UserId member : team.members) {
      const User& user = c.state.users[member.index()];
      if (user.status != UserStatus::available || is_excluded(c.state, member)) continue;
      if (!best.valid() || std::make_pair(load[member.index()], idle_since(user)) <
                               std::make_pair(load[best.index()], idle_since(c.state.users[best.index()]))) {
        best = member;
      }
    }
    const ConversationId conversation = c.pool[c.used++];
    Explanation explanation;
    explanation.conversation = conversation;
    explanation.team = TeamId(0);
    explanation.chosen = best;
    explanation.candidates.push_back(Candidate{best, load[best.index()], idle_since(c.state.users[best.index()])});
    apply(c.state, Event{UserId(), c.now_ms, AssignmentExplained{explanation}});
    apply(c.state, Event{UserId(), c.now_ms, ConversationAssigned{conversation, best}});
  }
  bench.SetItemsProcessed(static_cast<int64_t>(bench.iterations()));
  bench.counters["agents"] = kAgents;
  bench.counters["open_conversations"] = static_cast<double>(c.state.conversations.size());
}
BENCHMARK(BM_AssignRecountBaseline)->Iterations(200);

}  // namespace
}  // namespace inbox::bench
