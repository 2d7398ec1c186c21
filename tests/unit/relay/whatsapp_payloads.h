// Webhook bodies shaped as Meta posts them, for the desk seed's WhatsApp channel (+55 11 4000-0000), and their
// signatures.
#pragma once

#include <string>

#include "server-stub/whatsapp/webhook_signature.h"

namespace inbox::relay::test {

inline const std::string kPhoneNumberId = "5511400000000";
inline const std::string kDisplayNumber = "5511400000000";
inline const std::string kAppSecret = "test-app-secret";

inline std::string webhook_with_value(const std::string& value_fields) {
  return R"({"object":"whatsapp_business_account","entry":[{"id":"WABA1","changes":[{"field":"messages","value":{)"
         R"("messaging_product":"whatsapp","metadata":{"display_phone_number":")" +
         kDisplayNumber + R"(","phone_number_id":")" + kPhoneNumberId + R"("},)" + value_fields + "}}]}]}";
}

inline std::string webhook_with_message(const std::string& message_json, const std::string& from = "5511999990000",
                                        const std::string& name = "Joana") {
  return webhook_with_value(R"("contacts":[{"profile":{"name":")" + name + R"("},"wa_id":")" + from +
                            R"("}],"messages":[)" + message_json + "]");
}

inline std::string text_webhook(const std::string& wamid, const std::string& text,
                                const std::string& from = "5511999990000") {
  return webhook_with_message(R"({"from":")" + from + R"(","id":")" + wamid +
                                  R"(","timestamp":"1717000000","type":"text","text":{"body":")" + text + R"("}})",
                              from);
}

inline std::string webhook_with_statuses(const std::string& statuses_json) {
  return webhook_with_value(R"("statuses":[)" + statuses_json + "]");
}

inline std::string status_webhook(const std::string& wamid, const std::string& status) {
  return webhook_with_statuses(R"({"id":")" + wamid + R"(","status":")" + status +
                               R"(","timestamp":"1717000100","recipient_id":"5511999990000"})");
}

inline std::string signature_of(const std::string& body, const std::string& secret = kAppSecret) {
  return whatsapp::signature_header(body, secret);
}

}  // namespace inbox::relay::test
