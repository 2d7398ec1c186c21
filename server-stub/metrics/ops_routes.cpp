#include "server-stub/metrics/ops_routes.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace inbox::relay {
namespace {

namespace http = boost::beast::http;

StringResponse text_response(Request const& request, http::status status, std::string content_type, std::string body) {
  StringResponse response{status, request.version()};
  response.set(http::field::content_type, content_type);
  response.set(http::field::cache_control, "no-store");
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

}  // namespace

ApiRoutes ops_routes(OpsSources sources) {
  return [sources = std::move(sources)](Request const& request, std::string_view) -> std::optional<StringResponse> {
    const std::string_view target = request.target();
    const bool health = target == "/healthz";
    if (!health && target != "/metrics") return std::nullopt;
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
      StringResponse refused = text_response(request, http::status::method_not_allowed, "text/plain", "GET only\n");
      refused.set(http::field::allow, "GET, HEAD");
      return refused;
    }
    const RelayMetrics& metrics = *sources.metrics;
    if (health) {
      const nlohmann::json body = {{"status", "ok"},
                                   {"seq", metrics.head_seq.load()},
                                   {"sessions", metrics.sessions_signed_in.load()},
                                   {"connections", sources.connections_open()}};
      return text_response(request, http::status::ok, "application/json", body.dump());
    }
    return text_response(request, http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
                         render_prometheus(metrics, sources.connections_open(), sources.clock()));
  };
}

ApiRoutes first_of(std::vector<ApiRoutes> routes) {
  return [routes = std::move(routes)](Request const& request, std::string_view client_ip) -> std::optional<StringResponse> {
    for (const ApiRoutes& route : routes) {
      if (auto response = route(request, client_ip)) return response;
    }
    return std::nullopt;
  };
}

}  // namespace inbox::relay
