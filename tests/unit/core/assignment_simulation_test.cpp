// A seeded simulation of a busy contact center: thousands of agents flipping status and connection,
// customers writing, agents accepting, declining, replying and closing, the clock jumping by random amounts
// so offers and reply timers expire, chats arriving on a channel with no team until the workspace gets a
// default team halfway. After every step: nobody is above capacity, every waiting chat has its reason (never
// while an eligible agent of its team has room, never with no team once there is a default team), every
// offer resolves by its deadline, the engine's loads match a recount, and each automatic assignment matches
// its strategy recomputed by brute force (checked before the assignment is applied).
// A failure prints the seed; rerun one with INBOX_SEED=<seed> (and INBOX_STEPS=<n>).
#include "core/assignment.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/apply.h"
#include "core/decide.h"
#include "core/routing_index.h"
#include "core/timers.h"
#include "core/waiting.h"

using namespace inbox;

namespace {

constexpr int64_t kStart = 1'717'000'000'000;
constexpr uint32_t kAgents = 2000;
constexpr uint32_t kTeams = 4;

struct Simulation {
  State state;
  std::vector<Event> log;
  int64_t now_ms = kStart;
  std::mt19937_64 rng;
  std::vector<ConversationId> recent;

  explicit Simulation(uint64_t seed) : rng(seed) {
    for (uint32_t i = 0; i < kAgents; ++i) {
      must(UserId(), CreateUser{"Agent " + std::to_string(i), "", i % 100 == 0 ? Role::supervisor : Role::agent});
    }
    for (uint32_t t = 0; t < kTeams; ++t) {
      must(UserId(), CreateTeam{"Team " + std::to_string(t)});
      std::vector<UserId> members;
      for (uint32_t i = t; i < kAgents; i += kTeams) members.push_back(UserId(i));
      must(UserId(), SetTeamMembers{TeamId(t), members});
      TeamRouting r;
      r.capacity_max = 1 + t;
      if (t == 0) r.offer_timeout_ms = 90'000;
      if (t == 1) r.strategy = AssignmentStrategy::round_robin;
      if (t == 2) {
        r.strategy = AssignmentStrategy::default_user;
        r.default_user = members[1];
      }
      if (t == 3) r.reply_timeout_ms = 5 * 60'000;
      must(UserId(), SetTeamRouting{TeamId(t), r});
      must(UserId(), CreateChannel{ChannelKind::webchat, "Site " + std::to_string(t), "site" + std::to_string(t)});
      must(UserId(), SetChannelTeam{ChannelId(t), TeamId(t)});
    }
    // A channel with no team: its chats wait with no team until the workspace gets a default team.
    must(UserId(), CreateChannel{ChannelKind::webchat, "Site without a team", "site-no-team"});
    AssignmentSettings settings;
    settings.excluded_roles = {Role::supervisor};
    settings.excluded_users = {UserId(7), UserId(8)};
    must(UserId(), UpdateAssignmentSettings{settings});
    Settings on;
    on.automatic_assignment = true;
    must(UserId(), UpdateSettings{on});
    must(UserId(), CreateClosingReason{"Resolved"});
  }

  uint64_t below(uint64_t n) { return rng() % n; }

  void must(UserId actor, CommandBody body) {
    const Decision decision = decide(state, Command{actor, std::move(body)}, now_ms);
    REQUIRE_MESSAGE(decision.ok(), decision.error().message);
    for (const Event& event : decision.value()) commit(event);
    settle();
  }

  bool attempt(UserId actor, CommandBody body) {
    const Decision decision = decide(state, Command{actor, std::move(body)}, now_ms);
    if (!decision.ok()) return false;
    for (const Event& event : decision.value()) commit(event);
    return true;
  }

  void commit(const Event& event) {
    if (const auto* explained = std::get_if<AssignmentExplained>(&event.body)) check_explanation(explained->explanation);
    apply(state, event);
    log.push_back(event);
    if (const auto* opened = std::get_if<ConversationOpened>(&event.body)) recent.push_back(opened->conversation);
  }

  void settle() {
    for (;;) {
      const std::vector<Event> events = tick(state, now_ms);
      if (events.empty()) break;
      for (const Event& event : events) commit(event);
    }
  }

  bool eligible(UserId user, TeamId team) const { return !why_not_eligible(state, user, team).has_value(); }

  // The decision recomputed the slow way, on the state before it is applied.
  void check_explanation(const Explanation& e) {
    if (e.trigger != AssignmentTrigger::queue) return;
    REQUIRE(e.chosen.valid());
    REQUIRE_MESSAGE(eligible(e.chosen, e.team), "assigned to an ineligible agent");
    REQUIRE(!e.candidates.empty());
    CHECK(e.candidates[0].user == e.chosen);
    const Team& team = state.teams[e.team.index()];
    switch (e.strategy) {
      case AssignmentRule::least_busy: {
        const User& chosen = state.users[e.chosen.index()];
        for (const UserId m : team.members) {
          if (!eligible(m, e.team)) continue;
          const ReadyKey theirs{user_load(state, m), idle_since(state.users[m.index()]), m.value};
          const ReadyKey ours{user_load(state, e.chosen), idle_since(chosen), e.chosen.value};
          REQUIRE_MESSAGE(!(theirs < ours), "least busy picked someone busier or less idle");
        }
        break;
      }
      case AssignmentRule::round_robin: {
        const size_t n = team.members.size();
        for (size_t step = 0; step < n; ++step) {
          const UserId m = team.members[(team.round_robin_next + step) % n];
          if (!eligible(m, e.team)) continue;
          REQUIRE_MESSAGE(m == e.chosen, "round robin skipped an eligible member");
          break;
        }
        break;
      }
      case AssignmentRule::default_user: CHECK(e.chosen == team.routing.default_user); break;
      default: FAIL("a queue decision uses the team's strategy");
    }
  }

  // Nobody who could take a chat of the team now (default user: only that member counts).
  void require_nobody_free(TeamId id) const {
    const Team& team = state.teams[id.index()];
    for (const UserId m : team.members) {
      if (team.routing.strategy == AssignmentStrategy::default_user && m != team.routing.default_user) continue;
      REQUIRE_MESSAGE(!eligible(m, id), "a chat waits in team " << id.value << " while " << m.value << " has room");
    }
  }

  void check_invariants() {
    std::vector<uint32_t> load(state.users.size());
    for (const Conversation& c : state.conversations) {
      if (c.status == ConversationStatus::closed) continue;
      if (c.assignee.valid()) ++load[c.assignee.index()];
      if (c.offered_to.valid() && c.offered_to != c.assignee) ++load[c.offered_to.index()];
      if (c.offered_to.valid()) REQUIRE_MESSAGE(c.offer_expires_at > now_ms, "an offer outlived its deadline");
    }
    for (size_t u = 0; u < state.users.size(); ++u) {
      REQUIRE(state.routing.users[u].load == load[u]);
      const uint32_t capacity = capacity_of(state, UserId(static_cast<uint32_t>(u)), TeamId(u % kTeams));
      REQUIRE_MESSAGE(load[u] <= capacity, "agent " << u << " is above capacity");
    }
    // Every chat has a way out: one waiting with nobody on it is offered, escalated, or waits for a reason
    // no agent can change (no team before the default team exists); never while someone of its team has room.
    for (const Conversation& c : state.conversations) {
      const std::optional<WaitReason> reason = waiting_reason(state, c);
      if (!reason) continue;
      REQUIRE_MESSAGE(*reason != WaitReason::dispatching, "a chat waits while an agent of its team has room");
      if (*reason == WaitReason::no_team) {
        REQUIRE_MESSAGE(!state.settings.default_team.valid(), "a chat waits with no team beside a default team");
      }
      if (*reason == WaitReason::nobody_available) require_nobody_free(c.team);
    }
    for (uint32_t t = 0; t < kTeams; ++t) {
      if (!state.routing.teams[t].queue.empty()) require_nobody_free(TeamId(t));
    }
  }

  void step() {
    now_ms += below(4) == 0 ? static_cast<int64_t>(below(6 * 60'000)) : static_cast<int64_t>(below(5'000));
    settle();
    const UserId agent(static_cast<uint32_t>(below(kAgents)));
    switch (below(10)) {
      case 0: case 1: {
        const UserStatus status = below(3) == 0 ? UserStatus::unavailable : UserStatus::available;
        attempt(agent, SetUserStatus{agent, below(5) == 0 ? UserStatus::idle : status});
        break;
      }
      case 2: case 3: case 4: {
        ReceiveMessage message;
        message.channel = ChannelId(static_cast<uint32_t>(below(kTeams + 1)));  // the last one has no team
        message.from = "visitor-" + std::to_string(below(6000));
        message.text = "Olá";
        attempt(UserId(), message);
        break;
      }
      case 5: case 6: {
        // An agent answers one of the open offers: accepts, or declines (the engine then asks someone else).
        std::vector<uint32_t> offered;
        for (const TimerKey& timer : state.timers.heap) {
          if (timer.kind == TimerKind::offer) offered.push_back(timer.subject);
        }
        if (offered.empty()) break;
        const ConversationId id(offered[below(offered.size())]);
        const UserId to = state.conversations[id.index()].offered_to;
        if (below(3) == 0) attempt(to, DeclineConversation{id});
        else attempt(to, AcceptConversation{id});
        break;
      }
      default: {
        if (recent.empty()) break;
        const ConversationId id = recent[recent.size() - 1 - below(std::min<size_t>(recent.size(), 400))];
        const Conversation& c = state.conversations[id.index()];
        if (c.offered_to.valid() && below(2) == 0) attempt(c.offered_to, AcceptConversation{id});
        else if (c.assignee.valid() && below(2) == 0) attempt(c.assignee, SendMessage{id, "Um momento", {}, std::nullopt});
        else if (c.assignee.valid()) attempt(c.assignee, CloseConversation{id, ClosingReasonId()});
        else if (below(8) == 0) attempt(UserId(), SetUserConnection{agent, below(2) == 0});
        break;
      }
    }
    settle();
  }
};

void run_seed(uint64_t seed, int steps) {
  CAPTURE(seed);
  Simulation sim(seed);
  for (int i = 0; i < steps; ++i) {
    CAPTURE(i);
    if (i == steps / 2) {
      Settings settings = sim.state.settings;
      settings.default_team = TeamId(1);
      sim.must(UserId(), UpdateSettings{settings});
    }
    sim.step();
    sim.check_invariants();
    if (i % 500 == 0) {
      REQUIRE(rebuild_routing(sim.state) == sim.state.routing);
      REQUIRE(rebuild_timers(sim.state) == sim.state.timers);
    }
  }
  // Quiet hours: with no new work, every outstanding offer and reply timer resolves.
  for (int i = 0; i < 20; ++i) {
    sim.now_ms += 6 * 60'000;
    sim.settle();
    sim.check_invariants();
  }
  for (const Conversation& c : sim.state.conversations) CHECK(c.offered_to == UserId());
  CHECK(sim.state.explanations.entries.size() > static_cast<size_t>(steps) / 10);
  // The run must exercise the timers, not only the happy path.
  size_t expired = 0, reassigned = 0, graces = 0, declined = 0, routed = 0, accepted = 0;
  for (const Event& event : sim.log) {
    expired += std::holds_alternative<OfferExpired>(event.body);
    declined += std::holds_alternative<OfferDeclined>(event.body);
    accepted += std::holds_alternative<ConversationAccepted>(event.body);
    routed += std::holds_alternative<ConversationTeamSet>(event.body);
    graces += std::holds_alternative<DisconnectGraceEnded>(event.body);
    if (const auto* e = std::get_if<AssignmentExplained>(&event.body)) {
      reassigned += e->explanation.trigger == AssignmentTrigger::reply_timeout;
    }
  }
  CHECK(expired > 0);
  CHECK(reassigned > 0);
  CHECK(graces > 0);
  CHECK(declined > 0);
  CHECK(accepted > 0);
  CHECK(routed > 0);  // chats that waited with no team joined the default team when it was set
  State rebuilt;
  apply_all(rebuilt, sim.log);
  REQUIRE_MESSAGE(rebuilt == sim.state, "the state rebuilt from the log differs");
}

}  // namespace

TEST_CASE("a simulated day of thousands of agents never strands a chat nor breaks a rule") {
  const char* seed_text = std::getenv("INBOX_SEED");
  const char* steps_text = std::getenv("INBOX_STEPS");
  const int steps = steps_text != nullptr ? std::atoi(steps_text) : 3000;
  if (seed_text != nullptr) {
    run_seed(std::strtoull(seed_text, nullptr, 10), steps);
    return;
  }
  for (uint64_t seed = 1; seed <= 2; ++seed) run_seed(seed, steps);
}
