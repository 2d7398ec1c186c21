// Long random command sequences (valid and invalid) with the invariants checked after every step.
// A failure prints the seed; rerun one seed with INBOX_SEED=<seed> (and INBOX_STEPS=<n>).
#include "core/decide.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/apply.h"
#include "core/json_codec.h"
#include "core/limits.h"
#include "core/routing_index.h"
#include "core/state.h"
#include "core/timers.h"
#include "core/views.h"
#include "seeded.h"

using namespace inbox;

namespace {

constexpr int64_t kStart = 1'717'000'000'000;

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  Command next(const State& state) {
    const UserId actor = pick_actor(state);
    switch (below(20)) {
      case 0:
        if (chance(3)) return {UserId(), CreateUser{word() + " " + word(), "", role()}};
        return {actor, OfferConversation{conversation(state), pick_user(state)}};
      case 1: return {actor, SetUserStatus{pick_user(state), static_cast<UserStatus>(below(4))}};
      case 2: return {actor, CreateTeam{word()}};
      case 3: return {actor, SetTeamMembers{pick<TeamId>(state.teams.size()), members(state)}};
      case 4: return {actor, CreateContact{word(), chance(2) ? phone() : "", chance(2) ? "x@y.com" : ""}};
      case 5: return {actor, TagContact{pick<ContactId>(state.contacts.size()), {word()}, chance(2) ? TagMode::add : TagMode::replace}};
      case 6: case 7: case 8: return {chance(10) ? actor : UserId(), receive(state)};
      case 9: return {actor, AssignConversation{conversation(state), chance(4) ? UserId() : pick_user(state)}};
      case 10: case 11: return {actor, SendMessage{conversation(state), text(), {}, chance(6) ? std::optional<Template>(Template{"boas_vindas", "pt_BR", {text()}}) : std::nullopt}};
      case 12: return {actor, TransferConversation{conversation(state), chance(2) ? pick<TeamId>(state.teams.size()) : TeamId(), chance(2) ? pick_user(state) : UserId(), ClosingReasonId()}};
      case 13: return {actor, CloseConversation{conversation(state), chance(3) ? ClosingReasonId() : ClosingReasonId(static_cast<uint32_t>(below(3)))}};
      case 14: return {actor, InviteToConference{conversation(state), pick_user(state)}};
      case 15: {
        // Joining and leaving are the invitee's own acts: usually let the invitee try.
        const ConversationId id = chance(4) ? conversation(state)
                                            : newest(state, [](const Conversation& c) { return !c.conference.empty(); });
        const Conversation* c = find_conversation(state, id);
        const UserId who = c != nullptr && !c->conference.empty() && !chance(4) ? c->conference[0].user : actor;
        return {who, chance(2) ? CommandBody(JoinConference{id}) : CommandBody(LeaveConference{id})};
      }
      case 16: return {actor, chance(2) ? CommandBody(EndConference{conversation(state)}) : CommandBody(AddNote{conversation(state), text()})};
      case 17: {
        if (chance(2)) return {actor, OfferConversation{conversation(state), pick_user(state)}};
        const ConversationId id = chance(4) ? conversation(state)
                                            : newest(state, [](const Conversation& c) { return c.offered_to.valid(); });
        const Conversation* c = find_conversation(state, id);
        return {c != nullptr && c->offered_to.valid() && !chance(4) ? c->offered_to : actor, AcceptConversation{id}};
      }
      case 18: return {actor, TagConversation{conversation(state), {word(), word()}, chance(2) ? TagMode::add : TagMode::replace}};
      default:
        if (chance(3)) return reminder_command(state, actor);
        if (chance(2)) return assignment_command(state, actor);
        return {actor, StartConversation{pick<ContactId>(state.contacts.size()), ChannelId(static_cast<uint32_t>(below(3))), Template{"boas_vindas", "pt_BR", {"Ana"}}}};
    }
  }

  // The assignment engine's commands: switch, strategies, capacity, exclusions, priority, campaigns,
  // connections.
  Command assignment_command(const State& state, UserId actor) {
    const TeamId team = pick<TeamId>(state.teams.size());
    switch (below(8)) {
      case 0: {
        Settings settings = state.settings;
        settings.automatic_assignment = !settings.automatic_assignment;
        return {actor, UpdateSettings{settings}};
      }
      case 1: {
        TeamRouting r;
        r.strategy = static_cast<AssignmentStrategy>(below(3));
        r.default_user = pick_user(state);
        r.offer_timeout_ms = chance(2) ? 0 : static_cast<int64_t>(below(300'000));
        r.capacity_max = static_cast<uint32_t>(below(4));
        r.reply_timeout_ms = chance(2) ? 0 : static_cast<int64_t>(below(900'000));
        r.reassign_max = static_cast<uint32_t>(below(3));
        const Team* found = find_team(state, team);
        if (found != nullptr && !found->members.empty() && chance(2)) r.default_user = found->members[0];
        return {actor, SetTeamRouting{team, r}};
      }
      case 2: return {actor, SetUserCapacity{pick_user(state), static_cast<uint32_t>(below(3))}};
      case 3: return {actor, SetChannelTeam{ChannelId(static_cast<uint32_t>(below(3))), team}};
      case 4: {
        AssignmentSettings settings;
        if (chance(2)) settings.excluded_roles = {role()};
        if (chance(2)) settings.excluded_users = {pick_user(state)};
        settings.disconnect_grace_ms = static_cast<int64_t>(below(300'000));
        settings.return_chats_after_ms = chance(2) ? 0 : settings.disconnect_grace_ms + static_cast<int64_t>(below(600'000));
        return {actor, UpdateAssignmentSettings{settings}};
      }
      case 5: return {actor, SetConversationPriority{conversation(state), static_cast<uint32_t>(below(12))}};
      case 6: {
        std::vector<ContactId> contacts = {pick<ContactId>(state.contacts.size())};
        if (chance(3)) contacts.push_back(pick<ContactId>(state.contacts.size()));
        const Team* found = find_team(state, team);
        const UserId agent = found != nullptr && !found->members.empty() && chance(2) ? found->members[0] : pick_user(state);
        SendCampaign campaign{ChannelId(0), contacts, Template{"promo", "pt", {}}, team, chance(3) ? UserId() : agent};
        // Half are scheduled (some in the past: refused), and a third of the rest cancel a scheduled one.
        if (chance(2)) campaign.send_at = state.clock_ms + static_cast<int64_t>(below(4 * 3'600'000)) - 600'000;
        if (chance(3) && !state.campaigns.empty()) {
          const CampaignId target(static_cast<uint32_t>(below(state.campaigns.size())));
          return {chance(2) ? state.campaigns[target.index()].by : actor, CancelCampaign{target}};
        }
        return {actor, campaign};
      }
      default: return {UserId(), SetUserConnection{pick_user(state), chance(2)}};
    }
  }

  // Reminders (presets, custom times around now, some in the past), cancels, and the inactivity period.
  Command reminder_command(const State& state, UserId actor) {
    const ConversationId id = chance(3) ? conversation(state)
                                        : newest(state, [](const Conversation& c) { return c.reminder_at != kNever; });
    const Conversation* c = find_conversation(state, id);
    const UserId who = c != nullptr && c->assignee.valid() && chance(2) ? c->assignee : actor;
    switch (below(4)) {
      case 0: return {who, CancelReminder{id}};
      case 1: {
        Settings settings = state.settings;
        settings.inactivity_close_after_ms = chance(3) ? 0 : static_cast<int64_t>(600'000 + below(4 * 3'600'000));
        return {actor, UpdateSettings{settings}};
      }
      default: {
        const auto preset = static_cast<ReminderPreset>(below(6));
        const int64_t due_at = preset == ReminderPreset::custom
                                   ? state.clock_ms + static_cast<int64_t>(below(8 * 3'600'000)) - 600'000
                                   : 0;
        return {who, SetReminder{id, preset, due_at, !chance(3)}};
      }
    }
  }

  int64_t step_ms() { return chance(30) ? 25 * 3'600'000 : static_cast<int64_t>(below(600'000)); }

 private:
  uint64_t below(uint64_t n) { return n == 0 ? 0 : rng_() % n; }
  bool chance(uint64_t one_in) { return below(one_in) == 0; }

  // Mostly existing ids, sometimes one past the end or none: refusals get exercised too.
  template <class IdT>
  IdT pick(size_t size) {
    if (chance(12)) return IdT();
    return IdT(static_cast<uint32_t>(below(size + 1)));
  }
  UserId pick_user(const State& state) { return pick<UserId>(state.users.size()); }
  UserId pick_actor(const State& state) { return chance(8) ? UserId() : pick_user(state); }
  ConversationId conversation(const State& state) {
    // Favor recent attentions: they are the active ones.
    const size_t size = state.conversations.size();
    if (size > 0 && chance(2)) return ConversationId(static_cast<uint32_t>(size - 1 - below(std::min<size_t>(size, 8))));
    return pick<ConversationId>(size);
  }
  // The newest conversation with a property, to give the rarer steps (accept, join) real chances.
  template <class Pred>
  ConversationId newest(const State& state, Pred pred) {
    for (size_t i = state.conversations.size(); i > 0; --i) {
      if (pred(state.conversations[i - 1])) return ConversationId(static_cast<uint32_t>(i - 1));
    }
    return conversation(state);
  }
  Role role() { return static_cast<Role>(below(4)); }
  std::vector<UserId> members(const State& state) {
    std::vector<UserId> out;
    for (size_t i = 0; i < state.users.size(); ++i) {
      if (chance(3)) out.push_back(UserId(static_cast<uint32_t>(i)));
    }
    return out;
  }
  std::string word() {
    static const char* const words[] = {"São Paulo", "Málaga", "garçon", "cœur", "ação", "Zoë", "👋", "boleto",
                                        "pedido", "entrega", "Ñandú", "café ☕", "factura", "rendez-vous"};
    return words[below(sizeof(words) / sizeof(words[0]))];
  }
  std::string phone() { return "+55 11 9" + std::to_string(1000000 + below(40)); }
  std::string text() {
    if (chance(25)) return "";
    if (chance(40)) return std::string(kMessageCodePointsMax + 1, 'a');
    std::string out = word();
    for (uint64_t i = below(6); i > 0; --i) out += " " + word();
    return out;
  }
  ReceiveMessage receive(const State& state) {
    ReceiveMessage message;
    message.channel = ChannelId(static_cast<uint32_t>(below(state.channels.size() + 1)));
    message.from = chance(2) ? phone() : "visitor-" + std::to_string(below(20));
    message.profile_name = chance(2) ? word() : "";
    message.text = text();
    if (chance(8)) message.referral = Referral{"ad", std::to_string(below(100)), "https://fb.me", word(), "", "", kStart};
    return message;
  }

  std::mt19937_64 rng_;
};

void check_one_active_conversation_per_contact(const State& state) {
  std::vector<ConversationId> active(state.contacts.size());
  for (size_t i = 0; i < state.conversations.size(); ++i) {
    const Conversation& c = state.conversations[i];
    if (c.status == ConversationStatus::closed) continue;
    REQUIRE_MESSAGE(!active[c.contact.index()].valid(), "two active conversations for contact " << c.contact.value);
    active[c.contact.index()] = ConversationId(static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < state.contacts.size(); ++i) REQUIRE(state.contacts[i].active_conversation == active[i]);
}

// Section counts recounted by walking every conversation, for every user.
void check_counts_by_recount(const State& state) {
  for (size_t u = 0; u < state.users.size(); ++u) {
    const UserId viewer(static_cast<uint32_t>(u));
    for (Section section : {Section::mine, Section::unassigned, Section::all, Section::teammates}) {
      SectionCounts expected;
      if (section_visible(state, state.users[u].role, section)) {
        for (const Conversation& c : state.conversations) {
          const bool in = section == Section::all || (section == Section::mine && c.assignee == viewer) ||
                          (section == Section::unassigned && !c.assignee.valid()) ||
                          (section == Section::teammates && c.assignee.valid() && c.assignee != viewer);
          if (!in) continue;
          ++expected.by_status[static_cast<size_t>(c.status)];
          if (c.awaiting_reply && c.status != ConversationStatus::closed) ++expected.pending;
        }
      }
      const SectionCounts actual = section_counts(state, viewer, section);
      REQUIRE(actual.by_status == expected.by_status);
      REQUIRE(actual.pending == expected.pending);
    }
  }
}

State setup() {
  State state;
  const std::vector<CommandBody> commands = {
      CreateUser{"Admin", "", Role::administrator}, CreateUser{"Ana", "", Role::agent},
      CreateUser{"Bruno", "", Role::agent},         CreateUser{"Olga", "", Role::operator_},
      CreateTeam{"Sales"},                          CreateChannel{ChannelKind::whatsapp, "WA", "+551140000000"},
      CreateChannel{ChannelKind::webchat, "Web", "site"}, CreateClosingReason{"Resolvido"},
      CreateClosingReason{"Spam"}};
  for (const CommandBody& body : commands) apply_all(state, decide(state, Command{UserId(), body}, kStart).value());
  return state;
}

void run_seed(uint64_t seed, int steps) {
  CAPTURE(seed);
  Generator generator(seed);
  State state = setup();
  const State initial = state;
  std::vector<Event> log;
  int64_t now_ms = kStart;
  int accepted = 0;
  for (int step = 0; step < steps; ++step) {
    CAPTURE(step);
    now_ms += generator.step_ms();
    const Command command = generator.next(state);
    const std::string command_text = command_to_text(command);
    CAPTURE(command_text);
    const Result<Command> reparsed = parse_command(command_text);
    REQUIRE(reparsed.ok());
    REQUIRE(reparsed.value() == command);

    const State before = state;
    const Decision decision = decide(state, command, now_ms);
    REQUIRE_MESSAGE(state == before, "decide() changed the state");
    if (!decision.ok()) continue;
    ++accepted;
    for (const Event& event : decision.value()) {
      const Result<Event> event_reparsed = parse_event(event_to_text(event));
      REQUIRE(event_reparsed.ok());
      REQUIRE(event_reparsed.value() == event);
      apply(state, event);
      log.push_back(event);
    }
    // What the relay does after each command: the engine's dispatch and every timer due by now.
    for (const Event& event : run_due(state, now_ms)) {
      const Result<Event> event_reparsed = parse_event(event_to_text(event));
      REQUIRE(event_reparsed.ok());
      REQUIRE(event_reparsed.value() == event);
      log.push_back(event);
    }
    check_one_active_conversation_per_contact(state);
    check_counts_by_recount(state);
    REQUIRE(rebuild_views(state) == state.views);
    REQUIRE(rebuild_routing(state) == state.routing);
    REQUIRE(rebuild_timers(state) == state.timers);
    if (step % 100 == 0 || step + 1 == steps) {
      State rebuilt = initial;
      apply_all(rebuilt, log);
      REQUIRE_MESSAGE(rebuilt == state, "state rebuilt from the log differs: "
                                            << nlohmann::json::diff(state_to_json(state), state_to_json(rebuilt)).dump());
    }
  }
  // The sequence must do real work, not bounce off refusals.
  CHECK(accepted > steps / 5);
  CHECK(state.conversations.size() > 10);
}

}  // namespace

TEST_CASE("random command sequences keep every invariant after every step") {
  inbox::test::run_seeds(6, 1500, run_seed);
}
