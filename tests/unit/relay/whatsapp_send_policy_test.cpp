#include "server-stub/whatsapp/send_policy.h"

#include <doctest/doctest.h>

#include "server-stub/whatsapp/graph_client.h"

using namespace inbox::relay::whatsapp;

TEST_CASE("graph reply: 200 with a message id is sent; 5xx, 429, 408 and no answer retry; other 4xx are final") {
  SendVerdict sent = classify_reply(GraphReply{200, R"({"messaging_product":"whatsapp","contacts":[{"input":"1","wa_id":"1"}],"messages":[{"id":"wamid.X"}]})", {}});
  CHECK(sent.outcome == SendOutcome::sent);
  CHECK(sent.wamid == "wamid.X");
  CHECK(classify_reply(GraphReply{200, "garbage", {}}).outcome == SendOutcome::sent);
  CHECK(classify_reply(GraphReply{500, "{}", {}}).outcome == SendOutcome::retry);
  CHECK(classify_reply(GraphReply{503, "", {}}).outcome == SendOutcome::retry);
  CHECK(classify_reply(GraphReply{429, "", {}}).outcome == SendOutcome::retry);
  CHECK(classify_reply(GraphReply{408, "", {}}).outcome == SendOutcome::retry);
  CHECK(classify_reply(GraphReply{0, "", "connect: refused"}).outcome == SendOutcome::retry);
  SendVerdict bad = classify_reply(GraphReply{400, R"({"error":{"code":131047}})", {}});
  CHECK(bad.outcome == SendOutcome::permanent);
  CHECK(bad.error.find("HTTP 400") == 0);
  CHECK(classify_reply(GraphReply{401, "", {}}).outcome == SendOutcome::permanent);
}

TEST_CASE("backoff doubles from first_ms up to max_ms, jittered within the upper half") {
  BackoffPolicy policy;
  policy.first_ms = 1000;
  policy.max_ms = 60'000;
  CHECK(backoff_ms(policy, 1, 0) == 500);
  CHECK(backoff_ms(policy, 1, 500) == 1000);
  CHECK(backoff_ms(policy, 2, 0) == 1000);
  CHECK(backoff_ms(policy, 3, 0) == 2000);
  CHECK(backoff_ms(policy, 30, 0) == 30'000);
  CHECK(backoff_ms(policy, 1000, ~0ULL) <= 60'000);
  for (uint64_t random = 0; random < 2000; random += 7) {
    const int64_t wait = backoff_ms(policy, 4, random);
    CHECK(wait >= 4000);
    CHECK(wait <= 8000);
  }
}

TEST_CASE("graph url: http or https, host, port and base path") {
  auto endpoint = parse_graph_url("http://127.0.0.1:9000/v19.0/");
  REQUIRE(endpoint.has_value());
  CHECK(endpoint->host == "127.0.0.1");
  CHECK(endpoint->port == "9000");
  CHECK(endpoint->base_path == "/v19.0");
  CHECK(parse_graph_url("http://graph.local")->port == "80");
  CHECK_FALSE(endpoint->tls);
  auto meta = parse_graph_url("https://graph.facebook.com/v19.0");
  REQUIRE(meta.has_value());
  CHECK(meta->tls);
  CHECK(meta->host == "graph.facebook.com");
  CHECK(meta->port == "443");
  CHECK(meta->base_path == "/v19.0");
  CHECK(parse_graph_url("https://graph.local:8443")->port == "8443");
  CHECK_FALSE(parse_graph_url("ftp://graph.local").has_value());
  CHECK_FALSE(parse_graph_url("https://").has_value());
  CHECK_FALSE(parse_graph_url("http://:80").has_value());
  CHECK_FALSE(parse_graph_url("http://host:80x").has_value());
}
