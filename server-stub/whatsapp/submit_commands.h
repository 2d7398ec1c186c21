// How the WhatsApp side hands system commands to the authority: Hub::system's shape, so tests can stand in.
#pragma once
#include <functional>
#include <vector>

#include "core/commands.h"

namespace inbox::relay::whatsapp {

// `done` runs once the commands' batch is committed (true) or its commit failed (false).
using SubmitCommands = std::function<void(std::vector<Command> commands, std::function<void(bool committed)> done)>;

// Submits and waits for the commit; false on a failed commit, or when `stopping` turns true first (the hub may
// never run a batch once it stops).
bool submit_and_wait(const SubmitCommands& submit, std::vector<Command> commands, const std::function<bool()>& stopping);

}  // namespace inbox::relay::whatsapp
