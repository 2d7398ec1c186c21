// inbox-relay: the workspace's authority on /ws, the sign-in API and the web app's files, until SIGINT or
// SIGTERM; or `inbox-relay backup PATH`.
#include "server-stub/cli.h"
#include "server-stub/log_line.h"
#include "server-stub/relay_app.h"
#include "server-stub/store/relay_db.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

int usage_error(std::string const& message) {
  std::cerr << "inbox-relay: " << message << "\n" << inbox::relay::cli_usage();
  return exit_usage;
}

int64_t wall_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::string> env(char const* name) {
  char const* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

int backup(inbox::relay::CliOptions const& options) {
  auto copied = inbox::relay::backup_relay_db(options.db_path, *options.backup_path);
  if (auto const* error = std::get_if<inbox::relay::StoreError>(&copied)) {
    std::cerr << "inbox-relay: backup failed: " << error->message << "\n";
    return exit_failure;
  }
  std::cout << "inbox-relay: " << options.db_path << " copied to " << *options.backup_path << "\n";
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> const arguments(argv + 1, argv + argc);
  inbox::relay::CliOptions const options = inbox::relay::parse_cli(arguments);
  if (options.help) {
    std::cout << inbox::relay::cli_usage();
    return exit_ok;
  }
  if (!options.error.empty()) return usage_error(options.error);
  if (options.backup_path) return backup(options);
  std::error_code root_error;
  if (!std::filesystem::is_directory(options.config.doc_root, root_error)) {
    return usage_error("--root '" + options.config.doc_root + "' is not a directory");
  }

  // Registered before the URL is printed, so a supervisor that signals as soon as it reads the line is heard.
  boost::asio::io_context signal_ioc;
  boost::asio::signal_set signals(signal_ioc, SIGINT, SIGTERM);
  signals.async_wait([](boost::system::error_code, int) {});

  inbox::relay::RelayAppSettings settings;
  settings.cli = options;
  for (auto [field, name] : {std::pair{&inbox::relay::CliOptions::whatsapp_app_secret, "WHATSAPP_APP_SECRET"},
                             std::pair{&inbox::relay::CliOptions::whatsapp_verify_token, "WHATSAPP_VERIFY_TOKEN"},
                             std::pair{&inbox::relay::CliOptions::whatsapp_graph_url, "WHATSAPP_GRAPH_URL"},
                             std::pair{&inbox::relay::CliOptions::whatsapp_access_token, "WHATSAPP_ACCESS_TOKEN"}}) {
    if (!(settings.cli.*field)) settings.cli.*field = env(name);  // a flag wins over the environment
  }
  settings.admin = inbox::relay::admin_credentials(options.admin_email, std::getenv("INBOX_ADMIN_EMAIL"),
                                                   std::getenv("INBOX_ADMIN_PASSWORD"));
  settings.demo_password = env("INBOX_DEMO_PASSWORD");
  settings.clock = wall_clock_ms;
  auto opened = inbox::relay::RelayApp::open(std::move(settings));
  if (auto const* error = std::get_if<std::string>(&opened)) {
    std::cerr << "inbox-relay: " << *error << "\n";
    return exit_failure;
  }
  auto& app = *std::get<std::unique_ptr<inbox::relay::RelayApp>>(opened);
  for (std::string const& notice : app.notices()) inbox::relay::log_event(inbox::relay::LogLevel::info, "startup", {{"message", notice}});
  if (boost::system::error_code const ec = app.start()) {
    std::cerr << "inbox-relay: cannot listen on " << options.config.host << ":" << options.config.port << ": "
              << ec.message() << "\n";
    return exit_failure;
  }
  std::cout << inbox::relay::listening_url(app.endpoint()) << std::endl;  // endl: the launcher reads it now

  inbox::relay::log_event(inbox::relay::LogLevel::info, "listening", {{"url", inbox::relay::listening_url(app.endpoint())}});
  signal_ioc.run();  // returns once the signal handler has run
  inbox::relay::log_event(inbox::relay::LogLevel::info, "stopping");
  app.stop();
  inbox::relay::log_event(inbox::relay::LogLevel::info, "stopped");
  return exit_ok;
}
