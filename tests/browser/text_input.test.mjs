// Text input beyond US keys: accents, dead keys and IME composition reach the compose box exactly once through
// the page's hidden textarea (web/text_input.js), while editing keys, Shift+Enter and Ctrl+V keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inboxSuite, openInbox, items, findItem, clickItem, clickAt, settle, press } from './lib/inbox_page.mjs';

const suite = inboxSuite();

// Opens the signed-in agent's first conversation (rows are labelled "<contact name>##conv<id>") and clicks
// into its compose box.
async function openCompose(options = {}) {
  const opened = await openInbox(suite.browser, suite.relay.url, { clipboard: true, ...options });
  const row = (await items(opened.page)).find((item) => item.label.includes('##conv'));
  assert.ok(row, 'the signed-in agent has a conversation');
  await clickItem(opened.page, row.label);
  const compose = await findItem(opened.page, '##compose');
  await clickAt(opened.page, compose.x + 20, compose.y + 10);
  return { ...opened, compose };
}

// What the focused text field holds, read the way a person would get it out: select all, copy.
async function fieldText(page) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await press(page, 'Control+A');
  await press(page, 'Control+C');
  // The app writes through navigator.clipboard.writeText, which settles after the frame (slower at HiDPI).
  for (let i = 0; i < 40; i++) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text !== '') return text;
    await page.waitForTimeout(50);
  }
  return '';
}

async function focusedElement(page) {
  return page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));
}

test('typing accents, typographic punctuation and emoji into the compose box: every character exactly once', async () => {
  const { context, page } = await openCompose();
  const text = 'Olá, ação, façade, naïve, œuvre, 5 € — “ok” 😊';
  await page.keyboard.type(text);
  await settle(page);
  assert.equal(await fieldText(page), text);
  await context.close();
});

test('the search box takes accented text too', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url, { clipboard: true });
  const search = await findItem(page, '##search');
  await clickAt(page, search.x + 20, search.y + search.h / 2);
  await page.keyboard.type('São Paulo, Zoë');
  await settle(page);
  assert.equal(await fieldText(page), 'São Paulo, Zoë');
  await context.close();
});

test('dead keys and IME composition as on pt/fr layouts: é and ã arrive once, nothing while composing', async () => {
  const { context, page } = await openCompose();
  const cdp = await context.newCDPSession(page);
  await page.keyboard.type('caf');
  // Linux and macOS: the dead key opens a composition that the next key commits.
  await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
  await settle(page);
  const preedit = await page.evaluate(() => {
    const textarea = window.inboxTextInput.element();
    return { value: textarea.value, opacity: textarea.style.opacity };
  });
  assert.deepEqual(preedit, { value: '´', opacity: '1' }, 'the composition is shown by the page, not committed');
  await cdp.send('Input.insertText', { text: 'é' });
  await settle(page);
  await page.keyboard.type(' com p');
  await cdp.send('Input.imeSetComposition', { text: '~', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'ã', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'ã' });
  await settle(page);
  // Windows: a 'Dead' keydown with no text, then the composed character as the next key's text.
  await page.keyboard.type('o, p');
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Dead', code: 'BracketLeft', windowsVirtualKeyCode: 219 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Dead', code: 'BracketLeft', windowsVirtualKeyCode: 219 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'ã', code: 'KeyA', text: 'ã', unmodifiedText: 'ã', windowsVirtualKeyCode: 65 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'a', code: 'KeyA', windowsVirtualKeyCode: 65 });
  await page.keyboard.type('o');
  // A composition given up (Escape in the IME) leaves nothing behind.
  await cdp.send('Input.imeSetComposition', { text: '^', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  await settle(page);
  assert.equal(await fieldText(page), 'café com pão, pão');
  await context.close();
});

test('editing keys still work once: Backspace, arrows with typing in the middle, Shift+Enter, Ctrl+V', async () => {
  const { context, page } = await openCompose();
  await page.keyboard.type('abcd');
  await press(page, 'Backspace');
  await press(page, 'ArrowLeft');
  await page.keyboard.type('ç');
  await press(page, 'Home');
  await page.keyboard.type('>');
  await press(page, 'End');
  await press(page, 'Shift+Enter');
  await page.keyboard.type('x');
  await page.evaluate(() => navigator.clipboard.writeText('Zoë “ok” 😊'));
  await press(page, 'Control+V');
  await press(page, 'Shift+Enter');
  await page.keyboard.type('fim');
  assert.equal(await fieldText(page), '>abçc\nxZoë “ok” 😊\nfim');
  // Enter sends (a key for ImGui): the textarea must not add a line break of its own to what comes next.
  await press(page, 'Enter');
  await page.keyboard.type('ok');
  await settle(page);
  assert.equal(await fieldText(page), 'ok');
  await context.close();
});

test('a paste without the shortcut (context menu, mobile) inserts the text once', async () => {
  const { context, page } = await openCompose();
  await page.keyboard.type('a');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'ção\r\nbem');
    window.inboxTextInput.element().dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await settle(page);
  assert.equal(await fieldText(page), 'ação\nbem');
  await context.close();
});

test('the textarea holds the focus at the caret while ImGui edits text, and gives it back to the canvas', async () => {
  const { context, page, errors, compose } = await openCompose();
  assert.equal(await focusedElement(page), 'inbox-text-input');
  const box = await page.evaluate(() => {
    const rect = window.inboxTextInput.element().getBoundingClientRect();
    return { x: rect.x, y: rect.y, h: rect.height };
  });
  assert.ok(box.x >= compose.x && box.x < compose.x + 20 && box.y >= compose.y && box.y < compose.y + 20,
            `textarea ${JSON.stringify(box)} is not at the caret of ${JSON.stringify(compose)}`);
  assert.ok(box.h > 8 && box.h < 40, `textarea height ${box.h} is not a line`);
  await page.keyboard.type('olá');
  await settle(page);
  const moved = await page.evaluate(() => window.inboxTextInput.element().getBoundingClientRect().x);
  assert.ok(moved > box.x + 10, 'the textarea does not follow the caret');

  // Idle while editing: a focused text field draws nothing.
  const frames = await page.evaluate(() => window.inbox.frames());
  await page.waitForTimeout(700);
  assert.equal(await page.evaluate(() => window.inbox.frames()), frames, 'frames were drawn while idle in a text field');

  await clickItem(page, 'Unassigned');
  assert.equal(await focusedElement(page), 'canvas');
  assert.deepEqual(errors, []);
  await context.close();
});

test('HiDPI: the textarea sits at the caret in CSS pixels and text still arrives once', async () => {
  const { context, page, compose } = await openCompose({ deviceScaleFactor: 2 });
  const box = await page.evaluate(() => {
    const rect = window.inboxTextInput.element().getBoundingClientRect();
    return { x: rect.x, y: rect.y, h: rect.height };
  });
  assert.ok(box.x >= compose.x && box.x < compose.x + 20 && box.y >= compose.y && box.y < compose.y + 20,
            `textarea ${JSON.stringify(box)} is not at the caret of ${JSON.stringify(compose)}`);
  assert.ok(box.h > 8 && box.h < 40, `textarea height ${box.h} is not a line in CSS pixels`);
  await page.keyboard.type('Olá, ação 😊');
  await settle(page);
  assert.equal(await fieldText(page), 'Olá, ação 😊');
  await context.close();
});
