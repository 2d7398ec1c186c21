// inbox-relay: serves the web app's files over HTTP until SIGINT or SIGTERM.
#include "server-stub/cli.h"
#include "server-stub/relay_server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <cstdio>
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

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> const arguments(argv + 1, argv + argc);
  inbox::relay::CliOptions const options = inbox::relay::parse_cli(arguments);
  if (options.help) {
    std::cout << inbox::relay::cli_usage();
    return exit_ok;
  }
  if (!options.error.empty()) return usage_error(options.error);
  std::error_code root_error;
  if (!std::filesystem::is_directory(options.config.doc_root, root_error)) {
    return usage_error("--root '" + options.config.doc_root + "' is not a directory");
  }

  // Registered before the URL is printed, so a supervisor that signals as soon as it reads the line is heard.
  boost::asio::io_context signal_ioc;
  boost::asio::signal_set signals(signal_ioc, SIGINT, SIGTERM);
  signals.async_wait([](boost::system::error_code, int) {});

  inbox::relay::RelayServer server(options.config);
  if (boost::system::error_code const ec = server.start()) {
    std::cerr << "inbox-relay: cannot listen on " << options.config.host << ":" << options.config.port << ": "
              << ec.message() << "\n";
    return exit_failure;
  }
  std::cout << inbox::relay::listening_url(server.endpoint()) << std::endl;  // endl: the launcher reads it now

  signal_ioc.run();  // returns once the signal handler has run
  server.stop();
  return exit_ok;
}
