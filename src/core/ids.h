// Handles: small integer ids into the state's dense vectors (sokol-style), one distinct type per entity.
#pragma once
#include <cstdint>
#include <functional>

namespace inbox {

// An id is the index of its entity in the owning vector; kNone means "nobody / nothing" (e.g. unassigned).
template <class Tag>
struct Id {
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  uint32_t value = kNone;

  constexpr Id() = default;
  constexpr explicit Id(uint32_t v) : value(v) {}
  constexpr bool valid() const { return value != kNone; }
  constexpr uint32_t index() const { return value; }
  static constexpr Id none() { return Id(); }

  friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
  friend constexpr bool operator!=(Id a, Id b) { return a.value != b.value; }
  friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
};

using UserId = Id<struct UserTag>;
using TeamId = Id<struct TeamTag>;
using ContactId = Id<struct ContactTag>;
using ChannelId = Id<struct ChannelTag>;
using ConversationId = Id<struct ConversationTag>;
using MessageId = Id<struct MessageTag>;
using ClosingReasonId = Id<struct ClosingReasonTag>;
using TagId = Id<struct TagTag>;
using CampaignId = Id<struct CampaignTag>;

}  // namespace inbox

template <class Tag>
struct std::hash<inbox::Id<Tag>> {
  size_t operator()(inbox::Id<Tag> id) const noexcept { return std::hash<uint32_t>()(id.value); }
};
