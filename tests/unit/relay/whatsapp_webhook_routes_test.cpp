#include "server-stub/whatsapp/webhook_routes.h"

#include <doctest/doctest.h>

#include "server-stub/whatsapp/webhook_signature.h"
#include "tests/unit/relay/sqlite_test_file.h"
#include "tests/unit/relay/whatsapp_payloads.h"

using namespace inbox;
using namespace inbox::relay;
using namespace inbox::relay::whatsapp;
using namespace inbox::relay::test;
namespace http = boost::beast::http;

namespace {

const WebhookSecrets kSecrets{kAppSecret, "verify-me"};

struct Routes {
  TestDbFile db;
  std::unique_ptr<WebhookInbox> inbox = value_of(WebhookInbox::open(db.path()));
  int stored = 0;

  std::optional<StringResponse> handle(const Request& request) {
    return handle_webhook_request(kSecrets, *inbox, request, 1000, [this] { ++stored; });
  }
  int64_t rows() { return value_of(inbox->count()); }
};

Request get(const std::string& target) { return Request{http::verb::get, target, 11}; }

Request post(const std::string& body, std::optional<std::string> signature) {
  Request request{http::verb::post, "/webhooks/whatsapp", 11};
  if (signature) request.set("X-Hub-Signature-256", *signature);
  request.body() = body;
  request.prepare_payload();
  return request;
}

}  // namespace

TEST_CASE("whatsapp signature: HMAC-SHA256 of the raw body with the app secret, as sha256=<hex>") {
  const std::string body = text_webhook("wamid.1", "Oi");
  CHECK(signature_matches(body, signature_of(body), kAppSecret));
  CHECK_FALSE(signature_matches(body + " ", signature_of(body), kAppSecret));
  CHECK_FALSE(signature_matches(body, signature_of(body, "another secret"), kAppSecret));
  CHECK_FALSE(signature_matches(body, "", kAppSecret));
  CHECK_FALSE(signature_matches(body, signature_of(body).substr(7), kAppSecret));
  CHECK_FALSE(signature_matches(body, "sha256=zz", kAppSecret));
  CHECK_FALSE(signature_matches(body, signature_of(body).substr(0, 70), kAppSecret));
  CHECK_FALSE(signature_matches(body, signature_of(body, ""), ""));  // no secret configured: nothing passes
}

TEST_CASE("whatsapp webhook GET: the subscription check answers the challenge only with the right token") {
  Routes r;
  auto ok = r.handle(get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"));
  REQUIRE(ok.has_value());
  CHECK(ok->result() == http::status::ok);
  CHECK(ok->body() == "1158201444");
  auto encoded = r.handle(get("/webhooks/whatsapp?hub.challenge=a%20b&hub.verify_token=verify%2Dme&hub.mode=subscribe"));
  CHECK(encoded->result() == http::status::ok);
  CHECK(encoded->body() == "a b");
  CHECK(r.handle(get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"))->result() ==
        http::status::forbidden);
  CHECK(r.handle(get("/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1"))->result() ==
        http::status::forbidden);
  CHECK(r.handle(get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me"))->result() ==
        http::status::forbidden);
  CHECK(r.handle(get("/webhooks/whatsapp"))->result() == http::status::forbidden);
  CHECK_FALSE(r.handle(get("/api/login")).has_value());
  CHECK_FALSE(r.handle(get("/webhooks/whatsapp2")).has_value());
}

TEST_CASE("whatsapp webhook POST: a bad or missing signature is 401 and nothing is stored") {
  Routes r;
  const std::string body = text_webhook("wamid.1", "Oi");
  CHECK(r.handle(post(body, std::nullopt))->result() == http::status::unauthorized);
  CHECK(r.handle(post(body, signature_of(body, "wrong secret")))->result() == http::status::unauthorized);
  CHECK(r.handle(post(body, signature_of(body + "x")))->result() == http::status::unauthorized);
  CHECK(r.handle(post(body, "sha1=" + signature_of(body).substr(7)))->result() == http::status::unauthorized);
  CHECK(r.rows() == 0);
  CHECK(r.stored == 0);
}

TEST_CASE("whatsapp webhook POST: a good signature stores the raw body and answers 200") {
  Routes r;
  const std::string body = text_webhook("wamid.1", "Oi");
  auto response = r.handle(post(body, signature_of(body)));
  CHECK(response->result() == http::status::ok);
  CHECK(r.rows() == 1);
  CHECK(r.stored == 1);
  auto rows = value_of(r.inbox->unprocessed(10));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].body == body);
  value_of(r.inbox->mark_processed({rows[0].id}));
  CHECK(value_of(r.inbox->unprocessed(10)).empty());
  Request put{http::verb::put, "/webhooks/whatsapp", 11};
  CHECK(r.handle(put)->result() == http::status::method_not_allowed);
}

TEST_CASE("whatsapp webhook: query values are URL-decoded") {
  CHECK(url_decode("a%20b+c%2B") == "a b c+");
  CHECK(url_decode("100%") == "100%");
  CHECK(url_decode("%zz") == "%zz");
  CHECK(query_value("a=1&b=2", "b") == "2");
  CHECK(query_value("a=1&b", "b") == "");
  CHECK_FALSE(query_value("a=1", "b").has_value());
}

TEST_CASE("whatsapp webhook inbox: only the newest processed bodies are kept; unprocessed ones always") {
  TestDbFile db;
  auto inbox = value_of(WebhookInbox::open(db.path(), 2));
  for (int i = 0; i < 5; ++i) value_of(inbox->store("body " + std::to_string(i), i));
  auto rows = value_of(inbox->unprocessed(10));
  REQUIRE(rows.size() == 5);
  value_of(inbox->mark_processed({rows[0].id, rows[1].id, rows[2].id, rows[3].id}));
  CHECK(value_of(inbox->count()) == 3);  // bodies 2 and 3 processed, body 4 waiting
  auto left = value_of(inbox->unprocessed(10));
  REQUIRE(left.size() == 1);
  CHECK(left[0].body == "body 4");
}
