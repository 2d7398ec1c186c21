// A WhatsApp webhook body as Meta posts it (server-stub/whatsapp/webhook_parser.h), then the commands it asks
// of the inbox (webhook_commands.h) decided against a small seeded demo workspace whose WhatsApp channel is
// +55 11 4004-0000. Properties: no crash, no exception, no sanitizer report; a refused body says why; every
// message and status carries its wamid; the commands are system commands; a refused command says why, and
// what is accepted applies and leaves the indexes equal to a rebuild.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "core/apply.h"
#include "core/decide.h"
#include "demo_state.h"
#include "fuzz_check.h"
#include "server-stub/whatsapp/webhook_commands.h"
#include "server-stub/whatsapp/webhook_parser.h"

using namespace inbox;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)fuzz::pristine_demo();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto parsed = relay::whatsapp::parse_webhook(body);
  if (const auto* error = std::get_if<Error>(&parsed)) {
    FUZZ_CHECK(!error->message.empty());
    return 0;
  }
  const auto& contents = std::get<relay::whatsapp::WebhookContents>(parsed);
  for (const auto& inbound : contents.messages) FUZZ_CHECK(!inbound.message.provider_id.empty());
  for (const auto& status : contents.statuses) FUZZ_CHECK(!status.wamid.empty());

  State after = fuzz::pristine_demo();
  for (const Command& command : relay::whatsapp::webhook_commands(fuzz::pristine_demo(), contents)) {
    FUZZ_CHECK(!command.actor.valid());
    const Decision decision = decide(after, command, fuzz::kNowMs);
    if (!decision.ok()) {
      FUZZ_CHECK(!decision.error().message.empty());
      continue;
    }
    for (const Event& event : decision.value()) apply(after, event);
  }
  fuzz::check_indexes(after);
  return 0;
}
