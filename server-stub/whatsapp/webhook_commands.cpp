#include "server-stub/whatsapp/webhook_commands.h"

#include "server-stub/whatsapp/digits.h"

#include <string>

namespace inbox::relay::whatsapp {

ChannelId channel_for(const State& state, const BusinessNumber& number) {
  const std::string display = digits_of(number.display_phone_number);
  for (size_t i = 0; i < state.channels.size(); ++i) {
    const Channel& channel = state.channels[i];
    if (channel.kind != ChannelKind::whatsapp) continue;
    const std::string address = digits_of(channel.address);
    if (address.empty()) continue;
    if (address == number.phone_number_id || address == display) return ChannelId(static_cast<uint32_t>(i));
  }
  return ChannelId();
}

std::vector<Command> webhook_commands(const State& state, const WebhookContents& contents) {
  std::vector<Command> commands;
  for (const InboundMessage& inbound : contents.messages) {
    const ChannelId channel = channel_for(state, inbound.to);
    if (!channel.valid()) continue;
    ReceiveMessage message = inbound.message;
    message.channel = channel;
    commands.push_back(Command{UserId(), std::move(message)});
  }
  for (const StatusReport& report : contents.statuses) {
    const ChannelId channel = channel_for(state, report.to);
    if (!channel.valid()) continue;
    UpdateDelivery update;
    update.status = report.status;
    update.channel = channel;
    update.provider_id = report.wamid;
    commands.push_back(Command{UserId(), std::move(update)});
  }
  return commands;
}

}  // namespace inbox::relay::whatsapp
