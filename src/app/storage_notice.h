// The notice across the top of the inbox while the demo cannot be saved in this browser (its storage is
// unavailable or refused a write): unlike a toast it stays, because every change made meanwhile is lost on reload.
#pragma once
#include "core/errors.h"

namespace inbox::ui {

// Draws the notice at the cursor, the window's full width. `failure` is the store's (a storage_* code).
void draw_storage_notice(const Error& failure);

}  // namespace inbox::ui
