// What a Graph API answer means for a queued message, and when to try again. Pure: the jitter's randomness is
// passed in.
#pragma once
#include <cstdint>
#include <string>

#include "server-stub/whatsapp/graph_client.h"

namespace inbox::relay::whatsapp {

enum class SendOutcome { sent, retry, permanent };

struct SendVerdict {
  SendOutcome outcome = SendOutcome::retry;
  std::string wamid;  // sent: the id Meta gave the message (messages[0].id)
  std::string error;  // retry, permanent: why, for the log
};

// 2xx with a message id: sent. No answer, 5xx, 429 (and 408): retry. Any other 4xx: permanent (the request
// itself is wrong: bad number, template not approved, 24-hour window closed, token revoked).
SendVerdict classify_reply(const GraphReply& reply);

struct BackoffPolicy {
  int64_t first_ms = 1000;
  int64_t max_ms = 10LL * 60 * 1000;
  uint32_t attempts_max = 15;  // then the message is marked failed (about two hours at the default pace)
};

// The wait before attempt `attempts` + 1, after `attempts` (>= 1) failed: first_ms * 2^(attempts - 1), capped
// at max_ms, then "equal jitter": a uniformly random point in its upper half (`random` is any 64-bit value).
int64_t backoff_ms(const BackoffPolicy& policy, uint32_t attempts, uint64_t random);

}  // namespace inbox::relay::whatsapp
