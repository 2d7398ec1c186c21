#include "server-stub/whatsapp/whatsapp_service.h"

namespace inbox::relay::whatsapp {

namespace {

template <class T>
std::optional<std::string> failed(StoreResult<T>& result, const std::string& what) {
  if (const auto* error = std::get_if<StoreError>(&result)) return what + ": " + error->message;
  return std::nullopt;
}

}  // namespace

WhatsAppSettings whatsapp_settings(const CliOptions& cli, std::function<int64_t()> clock) {
  WhatsAppSettings settings;
  settings.db_path = cli.db_path;
  settings.secrets = WebhookSecrets{cli.whatsapp_app_secret.value_or(""), cli.whatsapp_verify_token.value_or("")};
  settings.graph_url = cli.whatsapp_graph_url.value_or("");
  settings.access_token = cli.whatsapp_access_token.value_or("");
  settings.clock = std::move(clock);
  return settings;
}

std::variant<std::unique_ptr<WhatsAppService>, std::string> WhatsAppService::open(WhatsAppSettings settings) {
  std::unique_ptr<WhatsAppService> service(new WhatsAppService());
  if (!settings.graph_url.empty()) {
    std::optional<GraphEndpoint> graph = parse_graph_url(settings.graph_url);
    if (!graph) return "--whatsapp-graph-url " + settings.graph_url + ": expected http://host[:port][/path] or https://...";
    if (settings.access_token.empty()) return std::string("--whatsapp-graph-url needs --whatsapp-access-token");
    service->sender_config_ =
        SenderConfig{*graph, settings.access_token, settings.backoff, settings.request_timeout, settings.clock};
  }
  auto mirror = StateMirror::open(settings.db_path);
  if (auto error = failed(mirror, "WhatsApp state")) return *error;
  service->mirror_ = std::move(std::get<std::unique_ptr<StateMirror>>(mirror));
  auto inbox = WebhookInbox::open(settings.db_path);
  if (auto error = failed(inbox, "WhatsApp webhook inbox")) return *error;
  service->inbox_ = std::move(std::get<std::unique_ptr<WebhookInbox>>(inbox));
  auto outbox = OutboxStore::open(settings.db_path);
  if (auto error = failed(outbox, "WhatsApp outbox")) return *error;
  service->outbox_ = std::move(std::get<std::unique_ptr<OutboxStore>>(outbox));
  if (service->sender_config_) {
    // The first run with sending on starts at the log's head as it is now, before the hub runs: what was
    // committed before WhatsApp was configured (a seeded demo's history) never reaches real customers.
    auto cursor = service->outbox_->cursor();
    if (auto error = failed(cursor, "WhatsApp outbox")) return *error;
    if (!std::get<std::optional<uint64_t>>(cursor)) {
      auto caught_up = service->mirror_->catch_up();
      if (auto error = failed(caught_up, "WhatsApp state")) return *error;
      auto started = service->outbox_->enqueue({}, service->mirror_->seq(), settings.clock());
      if (auto error = failed(started, "WhatsApp outbox")) return *error;
    }
  }
  service->settings_ = std::move(settings);
  // The threads start in start(), after submit_ is set: only they call it.
  WhatsAppService* self = service.get();
  SubmitCommands forward = [self](std::vector<Command> commands, std::function<void(bool)> done) {
    self->submit_(std::move(commands), std::move(done));
  };
  service->processor_ = std::make_unique<WebhookProcessor>(*service->inbox_, *service->mirror_, forward);
  if (service->sender_config_) {
    service->sender_ = std::make_unique<OutboxSender>(*service->outbox_, *service->mirror_, forward,
                                                      *service->sender_config_);
  }
  return service;
}

WhatsAppService::~WhatsAppService() { stop(); }

ApiRoutes WhatsAppService::routes() {
  return [this](const Request& request, std::string_view) -> std::optional<StringResponse> {
    return handle_webhook_request(settings_.secrets, *inbox_, request, settings_.clock(),
                                  [this] { processor_->wake(); });
  };
}

std::function<void(const std::vector<sync::SequencedEvent>&)> WhatsAppService::on_committed() {
  return [this](const std::vector<sync::SequencedEvent>& events) {
    mirror_->committed(events);
    if (sender_) sender_->wake();
  };
}

void WhatsAppService::start(SubmitCommands submit) {
  if (started_) return;
  started_ = true;
  submit_ = std::move(submit);
  processor_->start();
  if (sender_) sender_->start();
}

void WhatsAppService::stop() {
  if (processor_) processor_->stop();
  if (sender_) sender_->stop();
}

ProcessorStats WhatsAppService::processor_stats() const { return processor_->stats(); }
SenderStats WhatsAppService::sender_stats() const { return sender_ ? sender_->stats() : SenderStats{}; }

}  // namespace inbox::relay::whatsapp
