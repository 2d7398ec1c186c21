// Page glue for the wasm app: sizes the canvas for HiDPI, wakes the frame loop on input, bridges the clipboard,
// and exposes the test locator as window.inbox = { items(), frames() }.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const status = document.getElementById('status');
  const FRAMES_AFTER_INPUT = 4;  // ImGui needs a few frames to settle hover/active states after an event

  function sizeCanvas() {
    const ratio = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    Module._inbox_set_canvas(width, height, ratio);
  }

  function wake() { Module._inbox_wake(FRAMES_AFTER_INPUT); }

  // Calls an exported C function with text copied into wasm memory as NUL-terminated UTF-8, freed afterwards.
  function callWithUTF8(exported, text) {
    const bytes = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(bytes);
    Module.stringToUTF8(text, ptr, bytes);
    exported(ptr);
    Module._free(ptr);
  }

  function passClipboard(text) { callWithUTF8(Module._inbox_set_clipboard, text); }

  function items() {
    const rect = canvas.getBoundingClientRect();
    const list = JSON.parse(Module.UTF8ToString(Module._inbox_items_json()));
    for (const item of list) {
      item.x += rect.left;
      item.y += rect.top;
    }
    return list;
  }

  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    callWithUTF8,  // also for web/text_input.js
    onInboxWindowCreated() {
      sizeCanvas();
      status.hidden = true;
      window.addEventListener('resize', () => sizeCanvas());
      // Zooming changes devicePixelRatio without always firing resize on the canvas.
      const watchRatio = () => {
        matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
          sizeCanvas();
          watchRatio();
        }, { once: true });
      };
      watchRatio();
      for (const type of ['pointerdown', 'pointerup', 'pointermove', 'wheel', 'keydown', 'keyup', 'keypress',
                          'focus', 'blur', 'visibilitychange']) {
        window.addEventListener(type, wake, { capture: true, passive: true });
      }
      document.addEventListener('paste', (event) => {
        passClipboard(event.clipboardData.getData('text/plain'));
      });
      window.inbox = {
        items,
        frames: () => Module._inbox_frames(),
        busy: () => Module._inbox_busy() !== 0,
        ready: () => Module._inbox_ready() !== 0,
        saved: () => Module._inbox_saved() !== 0,
        loadedFromSnapshot: () => Module._inbox_loaded_from_snapshot() !== 0,
        takeFrameTimes: () => JSON.parse(Module.UTF8ToString(Module._inbox_take_frame_times_json())),
        offers: () => JSON.parse(Module.UTF8ToString(Module._inbox_offers_json())),
        // Tests drive the page's clock: a fixed time in ms since the epoch, or null for the real clock.
        setNow(ms) {
          Module.inboxNow = ms === null ? null : () => ms;
          wake();
        },
        now: () => (Module.inboxNow ? Module.inboxNow() : Date.now()),
      };
      canvas.focus();
    },
  };

  window.addEventListener('error', (event) => {
    status.hidden = false;
    status.textContent = 'The inbox failed to start: ' + event.message;
  });
})();
