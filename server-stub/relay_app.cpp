#include "server-stub/relay_app.h"

#include <algorithm>

#include "core/permissions.h"
#include "core/seed_data.h"
#include "server-stub/accounts/login_api.h"
#include "server-stub/metrics/ops_routes.h"
#include "server-stub/store/sqlite_event_log.h"

namespace inbox::relay {

namespace {

constexpr uint64_t kDemoSeed = 20261121;
constexpr int64_t kDemoQuietMs = 5LL * 60 * 1000;

template <class T>
std::optional<std::string> failed(const StoreResult<T>& result, const std::string& what) {
  if (const auto* error = std::get_if<StoreError>(&result)) return what + ": " + error->message;
  return std::nullopt;
}

// With --demo and INBOX_DEMO_PASSWORD: every user without an account can sign in with that password.
std::optional<std::string> set_demo_passwords(const State& state, AccountStore& store, Accounts& accounts,
                                              const std::string& password, int64_t now_ms, size_t& set_count) {
  for (size_t i = 0; i < state.users.size(); ++i) {
    const UserId user(static_cast<uint32_t>(i));
    auto existing = store.find_account(user);
    if (auto error = failed(existing, "accounts")) return error;
    if (std::get<std::optional<Account>>(existing).has_value()) continue;
    auto stored = accounts.set_password(user, state.users[i].email, password, now_ms);
    if (const auto* error = std::get_if<AccountError>(&stored)) {
      return "INBOX_DEMO_PASSWORD for " + state.users[i].email + ": " + error->message;
    }
    ++set_count;
  }
  return std::nullopt;
}

whatsapp::SubmitCommands system_commands_to(Hub& hub) {
  return [&hub](std::vector<Command> commands, std::function<void(bool)> done) {
    hub.system(std::move(commands), std::move(done));
  };
}

}  // namespace

std::variant<std::unique_ptr<RelayApp>, std::string> RelayApp::open(RelayAppSettings settings) {
  if (!sodium_ready()) return std::string("libsodium cannot start (no entropy source?)");
  const std::string& db = settings.cli.db_path;
  const int64_t now_ms = settings.clock();
  std::unique_ptr<RelayApp> app(new RelayApp());

  auto log = SqliteEventLog::open(db);
  if (auto error = failed(log, "the event log")) return *error;
  auto store = SqliteAccountStore::open(db);
  if (auto error = failed(store, "the accounts")) return *error;
  app->account_store_ = std::move(std::get<std::unique_ptr<SqliteAccountStore>>(store));

  std::unique_ptr<SqliteEventLog> event_log = std::move(std::get<std::unique_ptr<SqliteEventLog>>(log));
  const bool seeding = event_log->head() == 0 && settings.cli.seed_demo;
  const std::vector<TimedCommand> seed =
      seeding ? demo_script_ending(kDemoSeed, now_ms, kDemoQuietMs) : std::vector<TimedCommand>{};
  auto opened = Authority::open(std::move(event_log), seed);
  if (auto error = failed(opened, db)) return *error;
  Authority authority = std::move(std::get<Authority>(opened));
  if (seeding) app->notices_.push_back("Seeded " + db + " with the demo workspace.");

  AccountsConfig accounts_config;
  accounts_config.password_cost = settings.password_cost;
  app->accounts_ = std::make_unique<Accounts>(*app->account_store_, accounts_config);

  if (settings.cli.seed_demo && settings.demo_password) {
    size_t set_count = 0;
    if (auto error = set_demo_passwords(authority.state(), *app->account_store_, *app->accounts_,
                                        *settings.demo_password, now_ms, set_count)) {
      return *error;
    }
    if (set_count > 0) app->notices_.push_back("Demo password set for " + std::to_string(set_count) + " users.");
    for (Role role : {Role::supervisor, Role::agent}) {
      const auto& users = authority.state().users;
      auto user = std::find_if(users.begin(), users.end(), [&](const User& u) { return u.role == role && !u.email.empty(); });
      if (user != users.end()) {
        app->notices_.push_back(std::string("Sign in as ") + role_with_article(role) + ": " + user->email +
                                " with the demo password.");
      }
    }
  }

  auto accounts_stored = app->account_store_->account_count();
  if (auto error = failed(accounts_stored, "accounts")) return *error;
  Result<AdminBootstrap> plan = bootstrap_admin(authority.state(), std::get<size_t>(accounts_stored), settings.admin);
  if (!plan.ok()) return plan.error().message;
  if (!plan.value().notice.empty()) app->notices_.push_back(plan.value().notice);
  if (plan.value().create_user) {
    BatchResult created = authority.run({}, {*plan.value().create_user}, now_ms);
    if (created.store_error) return db + ": " + created.store_error->message;
    if (find_user(authority.state(), *plan.value().account_user) == nullptr) {
      return "The first administrator could not be created (is the email valid?).";
    }
  }
  if (plan.value().account_user) {
    auto stored = app->accounts_->set_password(*plan.value().account_user, plan.value().account_login,
                                               settings.admin.password.value_or(""), now_ms);
    if (const auto* error = std::get_if<AccountError>(&stored)) return "INBOX_ADMIN_PASSWORD: " + error->message;
  }

  if (settings.cli.demo_customers_per_hour > 0 && settings.cli.whatsapp_app_secret.value_or("").empty()) {
    return std::string("--demo-customers needs the WhatsApp app secret (--whatsapp-app-secret or WHATSAPP_APP_SECRET)"
                       ": the customers sign their webhooks with it");
  }
  auto whatsapp = whatsapp::WhatsAppService::open(whatsapp::whatsapp_settings(settings.cli, settings.clock));
  if (const auto* error = std::get_if<std::string>(&whatsapp)) return "WhatsApp: " + *error;
  app->whatsapp_ = std::move(std::get<std::unique_ptr<whatsapp::WhatsAppService>>(whatsapp));

  Accounts* accounts = app->accounts_.get();
  HubConfig hub_config;
  hub_config.on_committed = app->whatsapp_->on_committed();
  hub_config.clock = settings.clock;
  hub_config.authenticate = [accounts](std::string_view token, int64_t at_ms) -> std::optional<UserId> {
    AccountResult<UserId> user = accounts->authenticate(token, at_ms);
    if (const auto* id = std::get_if<UserId>(&user)) return *id;
    return std::nullopt;
  };
  auto metrics = std::make_shared<RelayMetrics>();
  hub_config.metrics = metrics;
  app->hub_ = std::make_shared<Hub>(std::move(authority), hub_config);

  RelayServices services;
  services.hub = app->hub_;
  RelayApp* self = app.get();  // the server lives and stops inside the app
  services.api = first_of({
      app->whatsapp_->routes(),
      [accounts, clock = settings.clock](const Request& request, std::string_view client_ip) {
        return handle_api_request(*accounts, request, client_ip, clock());
      },
      ops_routes({metrics, [self] { return self->server_->connections_open(); }, settings.clock}),
  });
  app->server_ = std::make_unique<RelayServer>(settings.cli.config, std::move(services));
  if (settings.cli.demo_customers_per_hour > 0) {
    demo_customers::DemoCustomersConfig config;
    config.seed = static_cast<uint64_t>(now_ms);  // new customers' phones differ from one run to the next
    config.messages_per_hour = settings.cli.demo_customers_per_hour;
    config.app_secret = *settings.cli.whatsapp_app_secret;
    config.wamid_prefix = "wamid.DEMO." + std::to_string(now_ms) + ".";
    config.clock = settings.clock;
    app->demo_customers_config_ = std::move(config);
  }
  return app;
}

RelayApp::~RelayApp() { stop(); }

boost::system::error_code RelayApp::start() {
  hub_->start();
  whatsapp_->start(system_commands_to(*hub_));
  if (boost::system::error_code ec = server_->start()) return ec;
  if (demo_customers_config_) start_demo_customers();
  return {};
}

// Once listening: the customers post to the address the server got.
void RelayApp::start_demo_customers() {
  demo_customers::DemoCustomersConfig config = *demo_customers_config_;
  boost::asio::ip::address address = endpoint().address();
  if (address.is_unspecified()) address = boost::asio::ip::address_v4::loopback();
  config.relay.host = address.to_string();
  config.relay.port = std::to_string(endpoint().port());
  demo_customers_ = std::make_unique<demo_customers::DemoCustomers>(std::move(config), whatsapp_->mirror(),
                                                                    system_commands_to(*hub_));
  demo_customers_->start();
}

// The hub first: once its thread is gone it holds no session, so every session ends on an io thread (or in
// the io context's destructor), never after the io context it belongs to.
void RelayApp::stop() {
  if (demo_customers_) demo_customers_->stop();
  if (whatsapp_) whatsapp_->stop();
  if (hub_) hub_->stop();
  if (server_) server_->stop();
}

}  // namespace inbox::relay
