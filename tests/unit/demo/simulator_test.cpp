#include "demo/simulator.h"

#include <doctest/doctest.h>

#include "core/seed_data.h"
#include "core/views.h"
#include "sync/local_engine.h"

using namespace inbox;

namespace {

constexpr int64_t kStart = 1'717'000'000'000;

// Submits as a simulated person would and says whether the engine refused it (the local engine decides at once).
bool refuses(sync::Engine& engine, const Command& command, int64_t now_ms) {
  engine.submit_as(sync::Submitter::simulated, command, now_ms);
  return !engine.take_rejections().empty();
}

struct World {
  sync::LocalEngine engine;
  demo::Simulator simulator;
  UserId human;
  int64_t now_ms = 0;
  size_t refused = 0;
  std::vector<Command> done;

  explicit World(demo::SimulatorSettings settings = {}) {
    DemoOptions options;
    options.contacts = 40;
    const std::vector<TimedCommand> script = demo_script(11, kStart, options);
    engine = sync::LocalEngine::from_script(script).value();
    now_ms = script.back().at_ms + 60'000;
    simulator = demo::make_simulator(5, settings);
    for (uint32_t i = 0; i < engine.state().users.size(); ++i) {
      if (engine.state().users[i].role == Role::agent) {
        human = UserId(i);
        break;
      }
    }
  }

  // Runs the world second by second, as the page does.
  void run_for(int64_t ms) {
    for (const int64_t end = now_ms + ms; now_ms < end; now_ms += demo::kSimulatorStepMs) {
      engine.advance(now_ms);
      for (const Command& command : demo::simulator_step(simulator, engine.state(), now_ms, human)) {
        if (refuses(engine, command, now_ms)) ++refused;
        else done.push_back(command);
      }
    }
  }

  size_t count(const char* type) const {
    size_t n = 0;
    for (const Command& command : done) {
      n += std::visit([&](const auto& body) { return std::string(std::decay_t<decltype(body)>::kType) == type; },
                      command.body);
    }
    return n;
  }
};

}  // namespace

TEST_CASE("customers write in at the configured rate, new ones and returning ones, some from an ad") {
  demo::SimulatorSettings settings;
  settings.customer_messages_per_hour = 600;  // one every 6 s on average
  settings.teammates_work = false;
  World world(settings);
  const size_t contacts_before = world.engine.state().contacts.size();
  const size_t messages_before = world.engine.state().messages.size();
  world.run_for(10 * 60'000);
  const size_t inbound = world.count("receive_message");
  CHECK(inbound >= 60);   // about 100 in 10 minutes, give or take
  CHECK(inbound <= 140);
  CHECK(world.engine.state().contacts.size() > contacts_before + inbound / 2);
  CHECK(world.engine.state().messages.size() >= messages_before + inbound);
  bool referral = false;
  for (const Command& command : world.done) {
    if (const auto* m = std::get_if<ReceiveMessage>(&command.body)) referral = referral || m->referral.has_value();
  }
  CHECK(referral);
  CHECK(world.refused == 0);
}

TEST_CASE("no customers and no teammates when both are switched off") {
  demo::SimulatorSettings settings;
  settings.customers_write = false;
  settings.teammates_work = false;
  World world(settings);
  world.run_for(5 * 60'000);
  CHECK(world.done.empty());
}

TEST_CASE("teammates accept their offers, answer and close, and never act for the signed-in user") {
  demo::SimulatorSettings settings;
  settings.customer_messages_per_hour = 900;
  World world(settings);
  world.run_for(20 * 60'000);
  CHECK(world.count("accept_conversation") > 10);
  CHECK(world.count("send_message") > 10);
  CHECK(world.count("close_conversation") > 0);
  for (const Command& command : world.done) CHECK(command.actor != world.human);
  // Every offer older than the accept delay went somewhere: accepted, or expired into RONA and offered on.
  for (const Conversation& c : world.engine.state().conversations) {
    if (c.offered_to.valid()) CHECK(c.offer_expires_at > world.now_ms - 60'000);
  }
}

TEST_CASE("an offer a teammate leaves unanswered puts them in RONA; they become available again later") {
  demo::SimulatorSettings settings;
  settings.customer_messages_per_hour = 1200;
  World world(settings);
  world.run_for(30 * 60'000);
  CHECK(world.count("set_user_status") > 0);  // back from RONA
  for (uint32_t i = 0; i < world.engine.state().users.size(); ++i) {
    const User& user = world.engine.state().users[i];
    if (user.status == UserStatus::rona && UserId(i) != world.human) {
      CHECK(user.status_changed_at > world.now_ms - 91'000);
    }
  }
}

TEST_CASE("customers answer about half of the agents' replies, within a minute and a half") {
  demo::SimulatorSettings settings;
  settings.customer_messages_per_hour = 300;
  World world(settings);
  world.run_for(30 * 60'000);
  const State& state = world.engine.state();
  size_t replies = 0, answered = 0;
  for (size_t i = 0; i + 1 < state.messages.size(); ++i) {
    const Message& m = state.messages[i];
    if (m.kind != MessageKind::outbound || m.at_ms < world.now_ms - 30 * 60'000 || m.at_ms > world.now_ms - 2 * 60'000) continue;
    const Conversation& c = state.conversations[m.conversation.index()];
    if (c.status == ConversationStatus::closed && c.last_message == MessageId(static_cast<uint32_t>(i))) continue;
    ++replies;
    for (size_t j = i + 1; j < state.messages.size(); ++j) {
      const Message& next = state.messages[j];
      if (next.conversation != m.conversation) continue;
      if (next.kind == MessageKind::inbound && next.at_ms <= m.at_ms + 91'000) ++answered;
      break;
    }
  }
  REQUIRE(replies > 10);
  CHECK(answered * 5 >= replies);      // about half; at least a fifth
  CHECK(answered * 5 <= replies * 4);  // and not all of them
}

TEST_CASE("the same seed and the same state give the same world") {
  World a, b;
  a.run_for(5 * 60'000);
  b.run_for(5 * 60'000);
  REQUIRE(a.done.size() == b.done.size());
  for (size_t i = 0; i < a.done.size(); ++i) CHECK(a.done[i] == b.done[i]);
}

TEST_CASE("a customer who writes now on WhatsApp is offered to a Support agent") {
  World world;
  size_t offered = 0;
  for (int i = 0; i < 10; ++i) {
    const Command command = demo::customer_writes(world.simulator, world.engine.state(), world.now_ms);
    REQUIRE_FALSE(refuses(world.engine, command, world.now_ms));
    const Conversation& c = world.engine.state().conversations.back();
    offered += c.offered_to.valid();
  }
  CHECK(offered > 0);
}

TEST_CASE("the customers' phones report an agent's reply delivered within seconds and read within a minute") {
  demo::SimulatorSettings settings;
  settings.customers_write = false;
  settings.teammates_work = false;
  World world(settings);
  // Reply to the newest open conversation of an agent, as that agent.
  ConversationId id;
  for (uint32_t i = static_cast<uint32_t>(world.engine.state().conversations.size()); i-- > 0;) {
    const Conversation& c = world.engine.state().conversations[i];
    if (c.status == ConversationStatus::open && c.assignee.valid() && world.engine.state().channels[c.channel.index()].kind != ChannelKind::whatsapp) {
      id = ConversationId(i);
      break;
    }
  }
  REQUIRE(id.valid());
  const UserId agent = world.engine.state().conversations[id.index()].assignee;
  REQUIRE_FALSE(refuses(world.engine, Command{agent, SendMessage{id, "Um momento, por favor", {}, std::nullopt}}, world.now_ms));
  const MessageId reply(static_cast<uint32_t>(world.engine.state().messages.size() - 1));
  CHECK(world.engine.state().message_delivery[reply.index()] == DeliveryStatus::sent);
  world.run_for(6'000);
  CHECK(world.engine.state().message_delivery[reply.index()] == DeliveryStatus::delivered);
  world.run_for(40'000);
  CHECK(world.engine.state().message_delivery[reply.index()] == DeliveryStatus::read);
}

TEST_CASE("teammates answer the transfer requests they are sent: most take the chat over") {
  demo::SimulatorSettings settings;
  settings.customers_write = false;
  World world(settings);
  const State& state = world.engine.state();
  std::vector<UserId> teammates;
  for (uint32_t i = 0; i < state.users.size(); ++i) {
    if (state.users[i].role == Role::agent && UserId(i) != world.human) teammates.push_back(UserId(i));
  }
  REQUIRE(teammates.size() >= 6);
  // Six new chats left waiting (assignment off), for the human to take and pass on.
  Settings manual = state.settings;
  manual.automatic_assignment = false;
  REQUIRE_FALSE(refuses(world.engine, Command{UserId(), UpdateSettings{manual}}, world.now_ms));
  for (int i = 0; i < 6; ++i) {
    ReceiveMessage inbound;
    inbound.channel = ChannelId(0);
    inbound.from = "+551198765001" + std::to_string(i);
    inbound.text = "Oi, alguém pode me ajudar?";
    REQUIRE_FALSE(refuses(world.engine, Command{UserId(), inbound}, world.now_ms));
  }
  size_t asked = 0;
  for (const ConversationId id : list_conversations(state, ListQuery{world.human, Section::unassigned,
                                                                      ConversationStatus::pending, SortOrder::newest_first, 0, 6})) {
    const UserId to = teammates[asked];
    if (state.users[to.index()].status != UserStatus::available) {
      REQUIRE_FALSE(refuses(world.engine, Command{to, SetUserStatus{to, UserStatus::available}}, world.now_ms));
    }
    REQUIRE_FALSE(refuses(world.engine, Command{world.human, AssignConversation{id, world.human}}, world.now_ms));
    REQUIRE_FALSE(refuses(world.engine, Command{world.human, TransferConversation{id, TeamId(), to, ClosingReasonId(0)}},
                          world.now_ms));
    ++asked;
  }
  REQUIRE(asked == 6);
  world.run_for(30'000);
  CHECK(world.count("accept_conversation") >= 3);
  for (const Conversation& c : state.conversations) {
    if (c.transfer.to.valid()) CHECK(c.transfer.expires_at > world.now_ms);
  }
}
