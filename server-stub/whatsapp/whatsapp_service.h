// The WhatsApp Cloud API side of the relay, assembled: the webhook routes and inbox, the processor that feeds
// the core, and (with a Graph URL and token) the outbox sender. relay_app wires it in three calls:
//   open() before the hub (its on_committed() goes into HubConfig), routes() next to the other API routes,
//   start(submit to Hub::system) once the hub runs, and stop() before the hub stops.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "server-stub/cli.h"
#include "server-stub/shared_state.h"
#include "server-stub/whatsapp/outbox_sender.h"
#include "server-stub/whatsapp/webhook_processor.h"
#include "server-stub/whatsapp/webhook_routes.h"
#include "sync/protocol.h"

namespace inbox::relay::whatsapp {

struct WhatsAppSettings {
  std::string db_path;              // the relay's database file
  WebhookSecrets secrets;           // --whatsapp-app-secret, --whatsapp-verify-token
  std::string graph_url;            // --whatsapp-graph-url, e.g. http://127.0.0.1:9000/v19.0; empty: no sending
  std::string access_token;         // --whatsapp-access-token
  std::function<int64_t()> clock;   // wall time in ms
  BackoffPolicy backoff;
  std::chrono::milliseconds request_timeout{10'000};
};

// The settings from the command line (main fills the CliOptions fields from WHATSAPP_* when a flag is absent).
WhatsAppSettings whatsapp_settings(const CliOptions& cli, std::function<int64_t()> clock);

class WhatsAppService {
 public:
  // The error is a sentence for the operator (a database that cannot be opened, an unusable Graph URL).
  static std::variant<std::unique_ptr<WhatsAppService>, std::string> open(WhatsAppSettings settings);
  ~WhatsAppService();

  // Answers /webhooks/whatsapp; nullopt for every other path (try the next routes).
  ApiRoutes routes();
  // For HubConfig::on_committed: wakes the sender (returns at once).
  std::function<void(const std::vector<sync::SequencedEvent>&)> on_committed();

  // Once: starts the processor (which first drains what an earlier run left) and the sender.
  void start(SubmitCommands submit);
  void stop();  // idempotent

  bool sending() const { return sender_config_.has_value(); }
  StateMirror& mirror() { return *mirror_; }  // the demo's customers read the workspace through it too
  ProcessorStats processor_stats() const;
  SenderStats sender_stats() const;
  OutboxStore* outbox() { return outbox_.get(); }

 private:
  WhatsAppService() = default;

  WhatsAppSettings settings_;
  std::optional<SenderConfig> sender_config_;
  std::unique_ptr<StateMirror> mirror_;
  std::unique_ptr<WebhookInbox> inbox_;
  std::unique_ptr<OutboxStore> outbox_;
  std::unique_ptr<WebhookProcessor> processor_;
  std::unique_ptr<OutboxSender> sender_;  // none without a Graph URL
  SubmitCommands submit_;
  bool started_ = false;
};

}  // namespace inbox::relay::whatsapp
