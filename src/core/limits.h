// A bound on everything that grows; decide() refuses input past these with limit_reached or a specific code.
#pragma once
#include <cstddef>
#include <cstdint>

namespace inbox {

constexpr size_t kMessageCodePointsMax = 4096;  // the compose box's limit, counted in Unicode code points
constexpr size_t kNameBytesMax = 200;           // names of users, teams, contacts, tags, reasons, channels
constexpr size_t kFieldBytesMax = 2048;         // urls, addresses, property values, template params
constexpr size_t kTagsPerTargetMax = 50;
constexpr size_t kPropertiesPerContactMax = 100;
constexpr size_t kIdentitiesPerContactMax = 16;
constexpr size_t kTeamMembersMax = 1000;
constexpr size_t kConferenceParticipantsMax = 10;
constexpr size_t kTemplateParamsMax = 20;
constexpr size_t kTemplateBodyCodePointsMax = 1024;  // WhatsApp's limit on a template's body

constexpr size_t kUsersMax = 100'000;
constexpr size_t kTeamsMax = 10'000;
constexpr size_t kChannelsMax = 1'000;
constexpr size_t kClosingReasonsMax = 1'000;
constexpr size_t kTemplatesMax = 1'000;
constexpr size_t kTagsMax = 100'000;
constexpr size_t kContactsMax = 20'000'000;
constexpr size_t kConversationsMax = 50'000'000;
constexpr size_t kMessagesMax = 500'000'000;
// Message offsets are 32-bit: the text arenas stop well before they would wrap.
constexpr size_t kMessageTextBytesMax = 0xF0000000u;
static_assert(kMessageCodePointsMax * 4 <= 0xFFFF, "Message::text_size is 16-bit: a longest message must fit");

}  // namespace inbox
