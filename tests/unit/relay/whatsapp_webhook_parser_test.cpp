#include "server-stub/whatsapp/webhook_parser.h"

#include <doctest/doctest.h>

#include <string>

#include "tests/unit/relay/whatsapp_payloads.h"

using namespace inbox;
using namespace inbox::relay::whatsapp;
using namespace inbox::relay::test;

namespace {

WebhookContents parsed(const std::string& body) {
  auto result = parse_webhook(body);
  REQUIRE_MESSAGE(std::holds_alternative<WebhookContents>(result), body);
  return std::get<WebhookContents>(result);
}

ReceiveMessage only_message(const std::string& message_json) {
  WebhookContents contents = parsed(webhook_with_message(message_json));
  REQUIRE(contents.messages.size() == 1);
  CHECK(contents.messages[0].to.phone_number_id == kPhoneNumberId);
  CHECK(contents.messages[0].to.display_phone_number == kDisplayNumber);
  return contents.messages[0].message;
}

}  // namespace

TEST_CASE("whatsapp webhook: a text message, its sender, profile name and wamid") {
  ReceiveMessage m = only_message(R"({"from":"5511999990000","id":"wamid.T1","timestamp":"1717000000",
                                      "type":"text","text":{"body":"Olá, preciso de ajuda"}})");
  CHECK(m.from == "+5511999990000");
  CHECK(m.profile_name == "Joana");
  CHECK(m.provider_id == "wamid.T1");
  CHECK(m.text == "Olá, preciso de ajuda");
  CHECK(m.media.url.empty());
  CHECK_FALSE(m.referral.has_value());
}

TEST_CASE("whatsapp webhook: image, audio, video, document and sticker become media references") {
  ReceiveMessage image = only_message(R"({"from":"5511999990000","id":"wamid.I","type":"image",
      "image":{"id":"MEDIA1","mime_type":"image/jpeg","sha256":"x","caption":"a foto"}})");
  CHECK(image.media.url == "whatsapp-media:MEDIA1");
  CHECK(image.media.mime_type == "image/jpeg");
  CHECK(image.text == "a foto");
  ReceiveMessage audio = only_message(R"({"from":"5511999990000","id":"wamid.A","type":"audio",
      "audio":{"id":"MEDIA2","mime_type":"audio/ogg; codecs=opus","voice":true}})");
  CHECK(audio.media.url == "whatsapp-media:MEDIA2");
  CHECK(audio.text.empty());
  ReceiveMessage video = only_message(R"({"from":"5511999990000","id":"wamid.V","type":"video",
      "video":{"id":"MEDIA3","mime_type":"video/mp4"}})");
  CHECK(video.media.mime_type == "video/mp4");
  ReceiveMessage document = only_message(R"({"from":"5511999990000","id":"wamid.D","type":"document",
      "document":{"id":"MEDIA4","mime_type":"application/pdf","filename":"boleto.pdf"}})");
  CHECK(document.media.url == "whatsapp-media:MEDIA4");
  CHECK(document.text == "boleto.pdf");
  ReceiveMessage sticker = only_message(R"({"from":"5511999990000","id":"wamid.S","type":"sticker",
      "sticker":{"id":"MEDIA5","mime_type":"image/webp","animated":false}})");
  CHECK(sticker.media.mime_type == "image/webp");
}

TEST_CASE("whatsapp webhook: a location reads as a line with a map link") {
  ReceiveMessage m = only_message(R"({"from":"5511999990000","id":"wamid.L","type":"location",
      "location":{"latitude":-23.55,"longitude":-46.63,"name":"Loja Paulista","address":"Av. Paulista, 1000"}})");
  CHECK(m.text == "Location: Loja Paulista, Av. Paulista, 1000, https://maps.google.com/?q=-23.55,-46.63");
}

TEST_CASE("whatsapp webhook: button and list replies, and a template's quick reply button, read as their titles") {
  CHECK(only_message(R"({"from":"5511999990000","id":"wamid.B1","type":"interactive",
      "interactive":{"type":"button_reply","button_reply":{"id":"yes","title":"Sim"}}})").text == "Sim");
  CHECK(only_message(R"({"from":"5511999990000","id":"wamid.B2","type":"interactive",
      "interactive":{"type":"list_reply","list_reply":{"id":"r2","title":"Segunda via","description":"do boleto"}}})")
            .text == "Segunda via (do boleto)");
  CHECK(only_message(R"({"from":"5511999990000","id":"wamid.B3","type":"button",
      "button":{"payload":"STOP","text":"Parar promoções"}})").text == "Parar promoções");
}

TEST_CASE("whatsapp webhook: a reaction, and its removal") {
  CHECK(only_message(R"({"from":"5511999990000","id":"wamid.R1","type":"reaction",
      "reaction":{"message_id":"wamid.OUT","emoji":"👍"}})").text == "Reacted 👍");
  CHECK(only_message(R"({"from":"5511999990000","id":"wamid.R2","type":"reaction",
      "reaction":{"message_id":"wamid.OUT"}})").text == "Removed a reaction");
}

TEST_CASE("whatsapp webhook: unsupported and unknown types are a visible line, never dropped") {
  CHECK(only_message(R"({"from":"5511999990000","id":"wamid.U1","type":"unsupported",
      "errors":[{"code":131051,"title":"Message type unknown"}]})").text == "[Unsupported message type: unsupported]");
  CHECK(only_message(R"({"from":"5511999990000","id":"wamid.U2","type":"contacts","contacts":[]})").text ==
        "[Unsupported message type: contacts]");
}

TEST_CASE("whatsapp webhook: a Click-to-WhatsApp ad's referral comes with the message") {
  ReceiveMessage m = only_message(R"({"from":"5511999990000","id":"wamid.C","timestamp":"1717000000","type":"text",
      "text":{"body":"Quero saber mais"},
      "referral":{"source_url":"https://fb.me/ad1","source_id":"AD123","source_type":"ad","headline":"Promo",
                  "body":"50% off","media_type":"image","image_url":"https://cdn.example/ad.jpg","ctwa_clid":"c1"}})");
  REQUIRE(m.referral.has_value());
  CHECK(m.referral->source_type == "ad");
  CHECK(m.referral->source_id == "AD123");
  CHECK(m.referral->source_url == "https://fb.me/ad1");
  CHECK(m.referral->headline == "Promo");
  CHECK(m.referral->body == "50% off");
  CHECK(m.referral->media_url == "https://cdn.example/ad.jpg");
  CHECK(m.referral->at_ms == 1717000000000);
}

TEST_CASE("whatsapp webhook: statuses sent, delivered, read and failed by wamid; others ignored") {
  WebhookContents contents = parsed(webhook_with_statuses(
      R"({"id":"wamid.O1","status":"sent","timestamp":"1","recipient_id":"5511999990000"},
         {"id":"wamid.O1","status":"delivered","timestamp":"2","recipient_id":"5511999990000"},
         {"id":"wamid.O2","status":"read","timestamp":"3","recipient_id":"5511999990000"},
         {"id":"wamid.O3","status":"failed","timestamp":"4","errors":[{"code":131047}]},
         {"id":"wamid.O4","status":"deleted"})"));
  CHECK(contents.messages.empty());
  REQUIRE(contents.statuses.size() == 4);
  CHECK(contents.statuses[0].status == DeliveryStatus::sent);
  CHECK(contents.statuses[1].wamid == "wamid.O1");
  CHECK(contents.statuses[1].status == DeliveryStatus::delivered);
  CHECK(contents.statuses[2].status == DeliveryStatus::read);
  CHECK(contents.statuses[3].status == DeliveryStatus::failed);
  CHECK(contents.statuses[3].to.phone_number_id == kPhoneNumberId);
}

TEST_CASE("whatsapp webhook: not JSON, or no entry list, is an error; other fields are ignored") {
  CHECK(std::holds_alternative<Error>(parse_webhook("not json")));
  CHECK(std::holds_alternative<Error>(parse_webhook(R"({"object":"whatsapp_business_account"})")));
  CHECK(std::holds_alternative<Error>(parse_webhook("[1,2]")));
  WebhookContents other = parsed(R"({"entry":[{"changes":[{"field":"account_update","value":{}}]}]})");
  CHECK(other.messages.empty());
  CHECK(other.statuses.empty());
  WebhookContents odd = parsed(R"({"entry":[1,{"changes":"x"},{"changes":[{"field":"messages","value":[]}]}]})");
  CHECK(odd.messages.empty());
}

TEST_CASE("whatsapp webhook parser: a message without its id or its sender is left out") {
  const auto parsed = parse_webhook(webhook_with_message(R"({"from":"5511999990000","timestamp":"1717000000","type":"text","text":{"body":"x"}})"));
  REQUIRE(std::holds_alternative<WebhookContents>(parsed));
  CHECK(std::get<WebhookContents>(parsed).messages.empty());
  const auto no_sender = parse_webhook(webhook_with_message(R"({"id":"wamid.X","timestamp":"1717000000","type":"text","text":{"body":"x"}})"));
  REQUIRE(std::holds_alternative<WebhookContents>(no_sender));
  CHECK(std::get<WebhookContents>(no_sender).messages.empty());
}
