// The inbox shell in a real browser: loads cleanly, draws three columns, reacts to clicks found through the
// test locator, handles HiDPI, resizing, the clipboard, and draws nothing while idle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inboxSuite, openInbox, items, findItem, hasItem, clickItem, clickAt, settle, press, screenshot, rowLabels } from './lib/inbox_page.mjs';

const suite = inboxSuite();

test('the page loads with no console errors and the locator reports the drawn widgets', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  assert.ok(await page.evaluate(() => window.inbox.frames()) > 0);
  const labels = (await items(page)).map((item) => item.label);
  for (const label of ['Mine', 'Unassigned', 'Open', 'Pending', 'Scheduled', 'Closed', '##search']) {
    assert.ok(labels.includes(label), `missing ${label}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the three columns fill the window side by side', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url);
  const all = await items(page);
  const column = (name) => all.find((item) => item.label.startsWith(`inbox/${name}_column`));
  const sections = column('sections');
  const list = column('list');
  const chat = column('chat');
  for (const c of [sections, list, chat]) {
    assert.ok(c, 'a column is missing');
    assert.ok(c.w > 100 && c.h > 700, `column too small: ${JSON.stringify(c)}`);
  }
  assert.ok(sections.x + sections.w <= list.x && list.x + list.w <= chat.x, 'columns are not side by side');
  assert.ok(chat.x + chat.w >= 1260, 'the chat column does not reach the right edge');
  await screenshot(page, 'shell');
  await context.close();
});

test('clicking a section found through the locator changes what is drawn', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url);
  const mine = await rowLabels(page);
  assert.ok(mine.length > 0, 'the signed-in agent has conversations of their own');
  const before = await page.screenshot();
  await clickItem(page, 'Unassigned');
  await clickItem(page, 'Pending');
  const unassigned = await rowLabels(page);
  assert.ok(unassigned.length > 0, 'the demo has customers waiting');
  assert.ok(unassigned.every((label) => !mine.includes(label)), 'the list still shows the agent’s own conversations');
  const after = await page.screenshot();
  assert.notDeepEqual(before, after);
  await clickItem(page, unassigned[0]);
  assert.ok(await hasItem(page, 'Assign to me'), 'an unassigned conversation offers Assign to me');
  await screenshot(page, 'chat');
  await context.close();
});

test('HiDPI: the canvas backing store follows devicePixelRatio and clicks land on the right widget', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url, { deviceScaleFactor: 2 });
  const size = await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth };
  });
  assert.equal(size.width, 2560);
  assert.equal(size.height, 1600);
  const section = await findItem(page, 'Mine');
  assert.ok(section.x < 20 && section.w > 150 && section.w < 260, `rectangle not in CSS pixels: ${JSON.stringify(section)}`);
  await clickItem(page, (await rowLabels(page))[0]);
  assert.ok(await hasItem(page, '##compose'), 'the click opened the conversation');
  await screenshot(page, 'shell-hidpi');
  await context.close();
});

test('resizing the window re-lays out the columns', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url);
  const wide = (await items(page)).find((item) => item.label.startsWith('inbox/chat_column'));
  await page.setViewportSize({ width: 900, height: 700 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 900);
  await settle(page);
  const narrow = (await items(page)).find((item) => item.label.startsWith('inbox/chat_column'));
  assert.ok(narrow.w < wide.w - 300, `chat column did not shrink: ${wide.w} -> ${narrow.w}`);
  assert.ok(narrow.x + narrow.w <= 900);
  await context.close();
});

test('idle: no frames are drawn while nothing happens, and input wakes the app', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url);
  const before = await page.evaluate(() => window.inbox.frames());
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.inbox.frames()), before, 'frames were drawn while idle');
  await page.mouse.move(400, 300);
  await page.waitForFunction((n) => window.inbox.frames() > n, before);
  await context.close();
});

test('clipboard: copy from the compose box reaches the system clipboard, and pasting comes back', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url, { clipboard: true });
  await clickItem(page, (await rowLabels(page))[0]);
  const compose = await findItem(page, '##compose');
  await clickAt(page, compose.x + 20, compose.y + 10);
  await page.keyboard.type('Hello there');
  await settle(page);
  await press(page, 'Control+A');
  await press(page, 'Control+C');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Hello there');

  await page.evaluate(() => navigator.clipboard.writeText('Olá, São Paulo! 😊 “ok” — 5 €'));
  await press(page, 'Control+A');
  await press(page, 'Control+V');
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await press(page, 'Control+A');
  await press(page, 'Control+C');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Olá, São Paulo! 😊 “ok” — 5 €');
  await context.close();
});
