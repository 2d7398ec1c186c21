// Drives the inbox in Debian's headless Chromium: finds widgets through the app's test locator
// (window.inbox.items()) and clicks their real coordinates on the canvas.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, startRelay } from './relay.mjs';

export const screenshotDir = path.join(buildDir, 'browser-screenshots');

// The seeded demo (fixed seed) signs in as this agent; a supervisor of the same demo.
export const demoAgent = { id: 36, name: 'José Jiménez' };
export const demoSupervisor = { id: 14, name: 'Zoé Lefèvre' };

const chromiumArgs = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

// One relay and one browser for a test file: suite.relay.url and suite.browser are set before its tests run.
export function inboxSuite() {
  const suite = {};
  before(async () => {
    suite.relay = await startRelay();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.relay?.stop();
  });
  return suite;
}

// Opens the app and waits until it has drawn; collects console errors and page errors. The demo's simulated
// customers and teammates stay off (?simulate=0) unless options.simulate; the browser's language is
// options.locale (en-US by default); options.initScript runs in the page before the app (to break its storage).
export async function openInbox(browser, url, options = {}) {
  if (!options.simulate) {
    const address = new URL(url);
    address.searchParams.set('simulate', '0');
    url = address.toString();
  }
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.locale ?? 'en-US',  // navigator.language(s): the UI's language unless chosen or ?lang=
  });
  if (options.clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  }
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.INBOX_DEBUG) page.on('console', (message) => console.log('[page]', message.text()));
  await page.goto(url);
  await waitReady(page);
  return { context, page, errors };
}

// Until the demo is loaded and drawn.
async function waitReady(page) {
  await page.waitForFunction(() => window.inbox && window.inbox.ready() && window.inbox.frames() > 0, null,
                             { timeout: 30000 });
  await settle(page);
}

// Until everything the demo did is in IndexedDB.
export async function waitSaved(page) {
  await page.waitForFunction(() => window.inbox.saved(), null, { timeout: 15000 });
}

export async function reload(page) {
  await page.reload();
  await waitReady(page);
}

export async function items(page) {
  return page.evaluate(() => window.inbox.items());
}

export async function findItem(page, label) {
  const found = (await items(page)).find((item) => item.label === label);
  if (!found) throw new Error(`no widget labelled "${label}" in the last frame`);
  return found;
}

// Conversation rows are labelled "<contact name>##conv<id>".
export async function rowLabels(page) {
  return (await items(page)).map((item) => item.label).filter((label) => label.includes('##conv'));
}

// Unassigned / Pending, newest first: the chats that came in last at the top.
export async function showNewestWaiting(page) {
  await clickItem(page, 'Unassigned');
  await clickItem(page, 'Pending');
  await pick(page, '##order', 'Newest first');
}

// The row of conversation `id` in the list, wheeling the list down until it is drawn (rows out of view have no
// label); its label.
export async function scrollToConversation(page, id) {
  const isRow = (label) => label.endsWith(`##conv${id}`);
  let before;
  for (let scrolls = 0; scrolls < 200; ++scrolls) {
    const rows = (await items(page)).filter((item) => item.label.includes('##conv'));
    const found = rows.find((item) => isRow(item.label));
    if (found) return found.label;
    const shown = rows.map((item) => item.label).join('|');
    if (rows.length === 0 || shown === before) break;  // the end of the list
    before = shown;
    await page.mouse.move(rows[0].x + rows[0].w / 2, rows[0].y + rows[0].h);
    await page.mouse.wheel(0, 360);
    await settle(page);
  }
  throw new Error(`conversation ${id} is not in the list`);
}

export async function hasItem(page, label) {
  return (await items(page)).some((item) => item.label === label);
}

// Every label of the last frame.
export async function labels(page) {
  return (await items(page)).map((item) => item.label);
}

// The first label of the last frame that starts with `prefix`.
export async function findPrefix(page, prefix) {
  const found = (await labels(page)).find((label) => label.startsWith(prefix));
  if (!found) throw new Error(`no widget labelled "${prefix}…" in the last frame`);
  return found;
}

// Waits until the app has drawn every frame it owes (it draws only while something changes).
export async function settle(page) {
  await page.waitForFunction(() => !window.inbox.busy(), null, { timeout: 10000, polling: 16 });
  return page.evaluate(() => window.inbox.frames());
}

// Like a person: the pointer rests on the widget before the button goes down. (Tabs and other overlapping
// widgets only take a click when they were already hovered in the previous frame.)
export async function clickAt(page, x, y) {
  await page.mouse.move(x, y);
  await settle(page);
  await page.mouse.down();
  await page.mouse.up();
  await settle(page);
}

export async function clickItem(page, label) {
  const item = await findItem(page, label);
  if (!item.enabled) throw new Error(`widget "${label}" is disabled`);
  await clickAt(page, item.x + item.w / 2, item.y + item.h / 2);
}

// A key press as a person makes it: the app draws its frames before the next key comes.
export async function press(page, key) {
  await page.keyboard.press(key);
  await settle(page);
}

export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Clicks a text field and types `text` in place of what it held.
export async function typeInto(page, label, text) {
  await clickItem(page, label);
  await press(page, 'Control+A');
  await page.keyboard.type(text);
  await settle(page);
}

// Opens a combo and clicks its first entry whose label starts with `prefix` ("Support##default_team_team").
export async function pick(page, combo, prefix) {
  await clickItem(page, combo);
  await clickItem(page, await findPrefix(page, prefix));
}

// Settings (for a supervisor or an administrator) on one of its tabs: General, Teams, Exclusions, Closing reasons.
export async function openSettings(page, tab) {
  await clickItem(page, 'Settings');
  await clickItem(page, tab);
}

// Types into the list's search box (replacing what it held); returns the rows listed then.
export async function search(page, text) {
  await typeInto(page, '##search', text);
  return rowLabels(page);
}

// Opens the first conversation listed and sends `text` as a reply; returns that row's label.
export async function replyInFirstConversation(page, text) {
  const row = (await rowLabels(page))[0];
  await clickItem(page, row);
  await clickItem(page, '##compose');
  await page.keyboard.type(text);
  await settle(page);
  await press(page, 'Enter');
  return row;
}

// Signs in through the demo's "sign in as" picker: opens it, types into its filter, clicks the user.
export async function signInAs(page, user) {
  await clickItem(page, '##sign_in_as');
  await page.keyboard.type(user.name);
  await settle(page);
  const label = (await items(page)).map((item) => item.label).find((l) => l.endsWith(`##user${user.id}`));
  if (!label) throw new Error(`user ${user.name} (${user.id}) is not in the sign-in picker`);
  await clickItem(page, label);
}

// The page's clock, frozen at `ms` (a timer then fires only when a test moves it on), or the real one (null).
export async function setNow(page, ms) {
  await page.evaluate((value) => window.inbox.setNow(value), ms);
  await settle(page);
}

export async function now(page) {
  return page.evaluate(() => window.inbox.now());
}

export async function offers(page) {
  return page.evaluate(() => window.inbox.offers());
}

// "A customer writes now" until one lands in a team that offers its chats (the others assign at once); the
// first offer waiting then: {conversation, user, name, expires_at}.
export async function customerWaitingForAccept(page) {
  for (let tries = 0; tries < 20; ++tries) {
    await clickItem(page, 'A customer writes now');
    const waiting = await offers(page);
    if (waiting.length > 0) return waiting[0];
  }
  throw new Error('no customer message was offered to an agent');
}
