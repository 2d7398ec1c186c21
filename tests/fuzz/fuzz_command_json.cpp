// Command JSON as the relay receives it (core/json_codec.h: parse_json + command_from_json), then decided
// against a small seeded demo workspace at a fixed time. Properties: no crash, no exception, no sanitizer
// report; a decoded command survives its own JSON form; decide() never changes the state (its refusals
// least of all); an accepted command's events survive their JSON form, apply without breaking an invariant,
// and leave the derived indexes equal to a rebuild and a state its binary snapshot restores.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/apply.h"
#include "core/binary_codec.h"
#include "core/decide.h"
#include "core/json_codec.h"
#include "core/timers.h"
#include "demo_state.h"
#include "fuzz_check.h"

#include <nlohmann/json.hpp>

using namespace inbox;

namespace {

// decide() gets this one; it is compared with the pristine demo after every decision.
const State& working() {
  static const State state = fuzz::pristine_demo();
  return state;
}

void check_event_round_trip(const Event& event) {
  const Result<Event> reparsed = parse_event(event_to_text(event));
  FUZZ_CHECK(reparsed.ok());
  FUZZ_CHECK(reparsed.value() == event);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)working();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Result<Json> json = parse_json(text);
  if (!json.ok()) return 0;
  const Result<Command> command = command_from_json(json.value());
  if (!command.ok()) {
    FUZZ_CHECK(!command.error().message.empty());
    return 0;
  }
  const Result<Command> reparsed = parse_command(command_to_text(command.value()));
  FUZZ_CHECK(reparsed.ok());
  FUZZ_CHECK(reparsed.value() == command.value());

  const State& state = working();
  const Decision decision = decide(state, command.value(), fuzz::kNowMs);
  FUZZ_CHECK(state == fuzz::pristine_demo());
  if (!decision.ok()) {
    FUZZ_CHECK(!decision.error().message.empty());
    return 0;
  }
  State after = state;
  for (const Event& event : decision.value()) {
    check_event_round_trip(event);
    apply(after, event);
  }
  for (const Event& event : run_due(after, fuzz::kNowMs)) check_event_round_trip(event);
  fuzz::check_indexes(after);
  // Every state decide() can reach is one a snapshot restores (state_from_binary checks its references).
  const Result<State> restored = state_from_binary(state_to_binary(after));
  FUZZ_CHECK(restored.ok());
  FUZZ_CHECK(restored.value() == after);
  return 0;
}
