#include <doctest/doctest.h>

#include "server-stub/log_line.h"

using inbox::relay::LogLevel;
using inbox::relay::log_line;

TEST_CASE("log_line: one JSON object per line, its own keys first, a peer's bad bytes replaced") {
  const std::string line = log_line(1700, LogLevel::warn, "login_refused", {{"ip", "10.0.0.1"}, {"event", "spoof"}});
  REQUIRE(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const auto json = nlohmann::json::parse(line);
  CHECK(json["ts"] == 1700);
  CHECK(json["level"] == "warn");
  CHECK(json["event"] == "login_refused");  // a field cannot overwrite the event's name
  CHECK(json["ip"] == "10.0.0.1");

  const std::string bad = log_line(1, LogLevel::error, "network_error", {{"message", std::string("a\xff\nb")}});
  CHECK(bad.find('\n') == bad.size() - 1);
  CHECK(nlohmann::json::parse(bad)["message"].get<std::string>().find('\n') != std::string::npos);
  CHECK(nlohmann::json::parse(log_line(1, LogLevel::info, "x", 42))["detail"] == 42);
}
