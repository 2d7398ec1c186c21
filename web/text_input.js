// The text input bridge, page side. Emscripten 3.1.6's GLFW reads characters from `keypress` only, so dead keys,
// IME composition, mobile keyboards, dictation and inserted text never reached ImGui. While ImGui edits text
// (src/platform/web/text_input.cpp calls sync()), a transparent textarea placed at the caret holds the focus:
// committed text arrives through its `input` / `compositionend` events, goes to ImGui as UTF-8, and the textarea
// is emptied again. Keys (Backspace, arrows, Enter, shortcuts) still reach ImGui through GLFW's keydown/keyup;
// the app drops GLFW's keypress characters while the textarea has focus, so every character comes once.
'use strict';

window.inboxTextInput = (function () {
  const FRAMES_AFTER_INPUT = 4;
  let textarea = null;
  let active = false;      // ImGui wants text input
  let composing = false;   // between compositionstart and compositionend: nothing is committed
  let pasteByKey = false;  // the last key was a paste shortcut, which ImGui performs itself from the clipboard

  function canvas() { return Module.canvas; }

  function wake() { Module._inbox_wake(FRAMES_AFTER_INPUT); }

  function commit(text) {
    if (text !== '') Module.callWithUTF8(Module._inbox_text_input, text);
  }

  // Takes what the textarea holds and empties it: the textarea never keeps text, ImGui's buffer is the truth.
  function take() {
    const text = textarea.value;
    textarea.value = '';
    return text;
  }

  // The composed text stays visible (the canvas cannot draw it) next to the caret until it is committed.
  function showComposition(visible) {
    const style = textarea.style;
    style.opacity = visible ? '1' : '0';
    style.width = visible ? `${Math.max(2, textarea.value.length + 1)}em` : '1em';
  }

  // Edits ImGui performs itself from its key events, or that would duplicate them.
  const handledAsKeys = new Set(['insertLineBreak', 'insertParagraph', 'historyUndo', 'historyRedo',
                                 'insertFromPaste', 'insertFromDrop']);

  function create() {
    textarea = document.createElement('textarea');
    textarea.id = 'inbox-text-input';
    textarea.setAttribute('aria-label', 'Text input');
    textarea.setAttribute('autocomplete', 'off');
    textarea.setAttribute('autocorrect', 'off');
    textarea.setAttribute('autocapitalize', 'off');
    textarea.setAttribute('spellcheck', 'false');
    textarea.tabIndex = -1;
    Object.assign(textarea.style, {
      position: 'fixed', left: '0', top: '0', width: '1em', height: '1em', margin: '0', padding: '0',
      border: '0', outline: 'none', resize: 'none', overflow: 'hidden', whiteSpace: 'pre', opacity: '0',
      color: '#000', background: '#fff', caretColor: 'transparent', pointerEvents: 'none', zIndex: '1',
      font: '16px system-ui, sans-serif', lineHeight: '1',
    });
    document.body.appendChild(textarea);

    textarea.addEventListener('focus', () => Module._inbox_text_input_focused(1));
    textarea.addEventListener('blur', () => Module._inbox_text_input_focused(0));
    textarea.addEventListener('keydown', (event) => {
      const shortcut = event.ctrlKey || event.metaKey;
      pasteByKey = (shortcut && (event.key === 'v' || event.key === 'V')) || (event.shiftKey && event.key === 'Insert');
    });
    textarea.addEventListener('beforeinput', (event) => {
      if (!event.isComposing && handledAsKeys.has(event.inputType)) event.preventDefault();
    });
    textarea.addEventListener('input', (event) => {
      wake();
      if (composing || event.isComposing) {
        showComposition(true);
        return;
      }
      const text = take();
      if (!handledAsKeys.has(event.inputType)) commit(text);
    });
    textarea.addEventListener('compositionstart', () => {
      composing = true;
      wake();
    });
    textarea.addEventListener('compositionend', (event) => {
      composing = false;
      showComposition(false);
      // Some browsers update the value only after compositionend: the event's data is the committed text then.
      commit(take() || event.data || '');
      wake();
    });
    // shell.js's document listener still caches the pasted text for ImGui's Ctrl+V; inserting it here too would
    // paste twice. A paste without the shortcut (context menu, mobile) has no key for ImGui: it comes as text.
    textarea.addEventListener('paste', (event) => {
      event.preventDefault();
      if (!pasteByKey) commit(event.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n'));
      pasteByKey = false;
      wake();
    });
    // A click on the canvas would move the focus to it and end a composition; ImGui decides about focus instead.
    canvas().addEventListener('mousedown', (event) => {
      if (document.activeElement === textarea) event.preventDefault();
    });
  }

  // From the app after each drawn frame that changed something; x, y, lineHeight: the caret in canvas CSS pixels.
  function sync(wantText, x, y, lineHeight) {
    if (!textarea) create();
    if (wantText) {
      const rect = canvas().getBoundingClientRect();
      textarea.style.left = `${rect.left + x}px`;
      textarea.style.top = `${rect.top + y}px`;
      textarea.style.height = `${lineHeight}px`;
      textarea.style.fontSize = `${lineHeight}px`;
      if (document.activeElement !== textarea) textarea.focus({ preventScroll: true });
    } else if (active || document.activeElement === textarea) {
      if (document.activeElement === textarea) canvas().focus({ preventScroll: true });
      composing = false;
      showComposition(false);
      textarea.value = '';
    }
    active = wantText;
  }

  return { sync, element: () => textarea };
})();
