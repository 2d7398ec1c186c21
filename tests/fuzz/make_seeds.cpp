// fuzz_seeds DIR: writes seed inputs made by the current build into DIR/<target>/ (scripts/fuzz.sh runs it
// before fuzzing), beside the hand-written ones in tests/fuzz/corpus/. Generated because they follow the
// code: a snapshot carries a fingerprint of the state layout (any new field makes an old one undecodable),
// and every command and event type's JSON appears as the codec writes it today.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/binary_codec.h"
#include "core/json_codec.h"
#include "demo_state.h"
#include "sync/protocol.h"

#include <nlohmann/json.hpp>

using namespace inbox;
namespace fs = std::filesystem;

namespace {

class Seeds {
 public:
  explicit Seeds(fs::path root) : root_(std::move(root)) {}

  void write(const std::string& target, const std::string& bytes) {
    const fs::path dir = root_ / target;
    fs::create_directories(dir);
    const fs::path file = dir / ("seed-" + std::to_string(++count_[target]));
    std::ofstream(file, std::ios::binary) << bytes;
  }

  void summary() const {
    for (const auto& [target, count] : count_) std::printf("%s: %zu seeds\n", target.c_str(), count);
  }

 private:
  fs::path root_;
  std::map<std::string, size_t> count_;
};

// Every command type once with default fields, so types the demo never uses are seeded too.
template <size_t... I>
std::vector<CommandBody> every_command_type(std::index_sequence<I...>) {
  return {CommandBody(std::in_place_index<I>)...};
}

// The first few commands of each type in the demo script.
std::vector<Command> demo_commands() {
  std::map<size_t, int> per_type;
  std::vector<Command> out;
  for (const TimedCommand& step : demo_script_ending(fuzz::kDemoSeed, fuzz::kNowMs, 10 * 60'000, fuzz::small_demo())) {
    if (per_type[step.command.body.index()]++ < 2) out.push_back(step.command);
  }
  return out;
}

std::vector<Event> demo_events(size_t max) {
  State state;
  std::vector<Event> out;
  for (const TimedCommand& step : demo_script_ending(fuzz::kDemoSeed, fuzz::kNowMs, 10 * 60'000, fuzz::small_demo())) {
    const Decision decision = decide(state, step.command, step.at_ms);
    if (!decision.ok()) continue;
    for (const Event& event : decision.value()) {
      if (out.size() < max) out.push_back(event);
      apply(state, event);
    }
    run_due(state, step.at_ms);
  }
  return out;
}

// A frame's command carries no actor: the relay adds the signed-in user's.
Json without_actor(const Command& command) {
  Json json = command_to_json(command);
  json.erase("actor");
  return json;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds DIR\n");
    return 2;
  }
  Seeds seeds(argv[1]);

  std::vector<Command> commands = demo_commands();
  for (CommandBody& body : every_command_type(std::make_index_sequence<std::variant_size_v<CommandBody>>()))
    commands.push_back(Command{UserId(1), std::move(body)});
  for (const Command& command : commands) seeds.write("fuzz_command_json", command_to_text(command));

  using namespace inbox::sync;
  seeds.write("fuzz_client_frame", encode_client_frame(HelloFrame{"0123456789abcdef0123456789abcdef", 42}));
  seeds.write("fuzz_client_frame", encode_client_frame(PingFrame{7}));
  for (size_t i = 0; i < commands.size(); i += 3) {
    seeds.write("fuzz_client_frame", encode_client_frame(CommandFrame{"c-" + std::to_string(i), without_actor(commands[i])}));
  }
  seeds.write("fuzz_client_frame", encode_relay_frame(WelcomeFrame{UserId(3), Role::supervisor, 120, 4096}));
  const std::vector<Event> events = demo_events(40);
  for (size_t i = 0; i + 4 <= events.size(); i += 4) {
    EventsFrame frame;
    for (size_t j = i; j < i + 4; ++j) frame.events.push_back({j + 1, events[j]});
    seeds.write("fuzz_client_frame", encode_relay_frame(frame));
  }
  seeds.write("fuzz_client_frame", encode_relay_frame(AckFrame{"c-1", 121}));
  seeds.write("fuzz_client_frame",
              encode_relay_frame(RejectFrame{"c-2", Error{ErrorCode::forbidden, "Not allowed"}}));
  seeds.write("fuzz_client_frame",
              encode_relay_frame(ErrorFrame{ProtocolErrorCode::hello_required, "Send hello first", true}));
  seeds.write("fuzz_client_frame", encode_relay_frame(PongFrame{7}));

  // Snapshots whole (the raw decode) and without their 8-byte checksum (fuzz_state_binary appends it).
  for (const State& state : {State(), fuzz::demo_state()}) {
    const std::string bytes = state_to_binary(state);
    seeds.write("fuzz_state_binary", bytes);
    seeds.write("fuzz_state_binary", bytes.substr(0, bytes.size() - 8));
  }
  seeds.summary();
  return 0;
}
