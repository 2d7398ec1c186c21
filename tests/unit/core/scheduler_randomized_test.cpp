// Random commands under a random clock (forward steps, long downtimes, backward jumps): every timer the
// index ever holds fires exactly once, never before its deadline, in deadline order within each catch-up,
// or is cancelled (moved or cleared before it was due). Seed printed on failure; INBOX_SEED=<n> replays one.
#include "core/timers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/apply.h"
#include "core/decide.h"
#include "core/state.h"
#include "inbox_fixture.h"
#include "seeded.h"

using namespace inbox;
using namespace inbox::test;

namespace {

struct Instance {
  int64_t deadline = 0;
  bool fired = false;
};

// Mirrors TimerIndex as instances: a (kind, subject) whose deadline changes is a new instance.
class Ledger {
 public:
  void sync(const TimerIndex& timers) {
    for (auto it = live_.begin(); it != live_.end();) {
      const auto kind = static_cast<TimerKind>(it->first >> 32);
      if (timers_deadline(timers, kind, static_cast<uint32_t>(it->first)) != it->second) {
        ++cancelled_;  // cleared or moved before it fired
        it = live_.erase(it);
      } else {
        ++it;
      }
    }
    for (const TimerKey& key : timers.heap) {
      if (live_.emplace(static_cast<uint64_t>(key.kind) << 32 | key.subject, key.deadline).second) ++scheduled_;
    }
  }

  // The front timer fired: it must be live with that deadline, and then leave the index (checked by sync).
  void fired(const TimerKey& key) {
    const uint64_t id = static_cast<uint64_t>(key.kind) << 32 | key.subject;
    const auto found = live_.find(id);
    REQUIRE_MESSAGE(found != live_.end(), "a timer fired that was not scheduled (or fired twice)");
    REQUIRE(found->second == key.deadline);
    live_.erase(found);
    ++fired_;
  }

  size_t scheduled() const { return scheduled_; }
  size_t fired_count() const { return fired_; }
  size_t cancelled() const { return cancelled_; }
  size_t live() const { return live_.size(); }

 private:
  std::map<uint64_t, int64_t> live_;
  size_t scheduled_ = 0, fired_ = 0, cancelled_ = 0;
};

bool state_due_after(const Inbox& inbox) {
  const TimerKey* front = timers_front(inbox.state.timers);
  return front == nullptr || front->deadline > inbox.now_ms;
}

// run_due() step by step, checking each firing against the ledger.
void drain(Inbox& inbox, Ledger& ledger) {
  int64_t last_deadline = kNever;
  for (;;) {
    State& state = inbox.state;
    const bool dispatching = !state.routing.dispatchable.empty();
    const TimerKey front = timers_front(state.timers) == nullptr ? TimerKey{} : *timers_front(state.timers);
    const std::vector<Event> events = tick(state, inbox.now_ms);
    if (events.empty()) break;
    for (const Event& event : events) {
      apply(state, event);
      inbox.log.push_back(event);
    }
    if (!dispatching) {
      REQUIRE_MESSAGE(front.deadline <= inbox.now_ms, "a timer fired before its deadline");
      REQUIRE_MESSAGE(front.deadline >= last_deadline, "missed timers fire in deadline order");
      REQUIRE(events.front().at_ms >= front.deadline);
      last_deadline = front.deadline;
      ledger.fired(front);
    }
    ledger.sync(state.timers);
  }
  REQUIRE((state_due_after(inbox)));
}

void run_seed(uint64_t seed, int steps) {
  CAPTURE(seed);
  std::mt19937_64 rng(seed);
  const auto below = [&](uint64_t n) { return n == 0 ? 0 : rng() % n; };
  Inbox inbox;
  const State initial_setup = inbox.state;
  const std::vector<Event> setup_log = inbox.log;
  TeamRouting routing;
  routing.offer_timeout_ms = 2 * kMinute;
  routing.reply_timeout_ms = 20 * kMinute;
  inbox.run(UserId(), SetTeamRouting{inbox.sales, routing});
  inbox.run(UserId(), SetChannelTeam{inbox.whatsapp, inbox.sales});
  Settings settings;
  settings.automatic_assignment = true;
  settings.inactivity_close_after_ms = 3 * kHour;
  inbox.run(UserId(), UpdateSettings{settings});
  Ledger ledger;
  ledger.sync(inbox.state.timers);
  const UserId agents[] = {inbox.ana, inbox.bruno, inbox.carla};
  for (int step = 0; step < steps; ++step) {
    CAPTURE(step);
    // The clock: small steps, long downtimes, and jumps backwards.
    const uint64_t roll = below(20);
    if (roll == 0) inbox.now_ms -= static_cast<int64_t>(below(3 * kHour));
    else if (roll == 1) inbox.now_ms += 30 * kHour + static_cast<int64_t>(below(24 * kHour));
    else inbox.now_ms += static_cast<int64_t>(below(40 * kMinute));

    const ConversationId conversation(static_cast<uint32_t>(below(inbox.state.conversations.size() + 1)));
    const UserId agent = agents[below(3)];
    const Conversation* c = find_conversation(inbox.state, conversation);
    const UserId owner = c != nullptr && c->assignee.valid() ? c->assignee : inbox.operator_;
    Command command{UserId(), CommandBody{}};
    switch (below(12)) {
      case 0: case 1: {
        ReceiveMessage message;
        message.channel = inbox.whatsapp;
        message.from = "+551190000" + std::to_string(1000 + below(12));
        message.text = "oi";
        command = {UserId(), message};
        break;
      }
      case 2: command = {agent, SetUserStatus{agent, below(3) == 0 ? UserStatus::unavailable : UserStatus::available}}; break;
      case 3: command = {agent, AcceptConversation{conversation}}; break;
      case 4: command = {owner, SendMessage{conversation, "ok", {}, std::nullopt}}; break;
      case 5: case 6: {
        const auto preset = static_cast<ReminderPreset>(below(6));
        const int64_t due = preset == ReminderPreset::custom ? inbox.now_ms + static_cast<int64_t>(below(10 * kHour)) : 0;
        command = {owner, SetReminder{conversation, preset, due, below(2) == 0}};
        break;
      }
      case 7: command = {owner, CancelReminder{conversation}}; break;
      case 8: command = {owner, CloseConversation{conversation, inbox.solved}}; break;
      case 9: command = {owner, AddNote{conversation, "nota"}}; break;
      case 10: {
        settings.inactivity_close_after_ms = below(3) == 0 ? 0 : static_cast<int64_t>(kHour + below(5 * kHour));
        command = {UserId(), UpdateSettings{settings}};
        break;
      }
      default: {
        const std::vector<UserId> members = below(2) == 0 ? std::vector<UserId>{inbox.ana, inbox.bruno}
                                                          : std::vector<UserId>{inbox.bruno};
        command = {inbox.admin, SetTeamMembers{inbox.sales, members}};
        break;
      }
    }
    const Decision decision = decide(inbox.state, command, inbox.now_ms);
    if (decision.ok()) {
      for (const Event& event : decision.value()) {
        apply(inbox.state, event);
        inbox.log.push_back(event);
      }
      ledger.sync(inbox.state.timers);
    }
    drain(inbox, ledger);
    REQUIRE(rebuild_timers(inbox.state) == inbox.state.timers);
  }
  // Far in the future everything owed has fired.
  inbox.now_ms += 400LL * 24 * kHour;
  drain(inbox, ledger);
  CHECK(ledger.live() == timers_size(inbox.state.timers));
  CHECK(ledger.scheduled() == ledger.fired_count() + ledger.cancelled() + ledger.live());
  CHECK(ledger.fired_count() > static_cast<size_t>(steps) / 20);
  CHECK(ledger.cancelled() > 0);
  // Every kind of this workspace did fire: reminders, inactivity closes, offers.
  const auto count = [&](auto pred) { return std::count_if(inbox.log.begin(), inbox.log.end(), pred); };
  CHECK(count([](const Event& e) { return std::holds_alternative<ReminderDue>(e.body); }) > 0);
  CHECK(count([](const Event& e) { return std::holds_alternative<OfferExpired>(e.body); }) > 0);
  CHECK(count([](const Event& e) {
          const auto* closed = std::get_if<ConversationClosed>(&e.body);
          return closed != nullptr && !e.actor.valid();
        }) > 0);
  State rebuilt = initial_setup;
  for (size_t i = setup_log.size(); i < inbox.log.size(); ++i) apply(rebuilt, inbox.log[i]);
  CHECK(rebuilt == inbox.state);
}

}  // namespace

TEST_CASE("random clocks (downtimes, backward jumps) and commands: each timer fires once, in order, or is cancelled") {
  inbox::test::run_seeds(8, 3000, run_seed);
}
