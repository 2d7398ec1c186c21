// The inbox in headless Chromium with a large demo workspace: load time, frame times while scrolling and while
// typing, frames drawn while idle, and the download sizes. Usage (after scripts/build.sh):
//   node bench/browser/inbox_frames.mjs [--contacts 100000]
// Prints one JSON object; docs/performance.md quotes it. A measurement, not a test: it never fails on a number.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { clickItem, hasItem, launchBrowser, rowLabels, settle } from '../../tests/browser/lib/inbox_page.mjs';
import { buildDir, startRelay } from '../../tests/browser/lib/relay.mjs';

const { values: args } = parseArgs({
  options: { contacts: { type: 'string', default: '100000' }, samples: { type: 'string', default: '120' } },
});
const contacts = Number(args.contacts);
const samples = Number(args.samples);

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (x) => Math.round(x * 100) / 100;
  return { median_ms: round(at(0.5)), p99_ms: round(at(0.99)), max_ms: round(sorted.at(-1)) };
}

// ui: building the frame (our code and ImGui, NewFrame to Render); frame: with the WebGL calls, which block
// while Chromium's GPU process (software rendering here) catches up.
function summary(times) {
  return { frames: times.frame.length, ui: percentiles(times.ui), frame: percentiles(times.frame) };
}

// From navigation to the first frame drawn over a loaded workspace (the user can click from then on).
async function timeToInteractive(page, url) {
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.inbox && window.inbox.ready() && window.inbox.frames() > 0, null,
                             { timeout: 600000, polling: 20 });
  return Date.now() - started;
}

async function frameTimes(page, act) {
  await settle(page);
  await page.evaluate(() => window.inbox.takeFrameTimes());
  await act();
  await settle(page);
  return page.evaluate(() => window.inbox.takeFrameTimes());
}

function gzipSize(file) {
  const bytes = fs.readFileSync(file);
  return { bytes: bytes.length, gzip_bytes: zlib.gzipSync(bytes, { level: 9 }).length };
}

const relay = await startRelay();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The simulated customers and teammates stay off: idle means nothing happens (with them on, the page draws
  // only when they change something).
  const url = `${relay.url}?contacts=${contacts}&simulate=0`;
  const result = { contacts, chromium: browser.version() };

  result.load_fresh_ms = await timeToInteractive(page, url);  // seeds the workspace in the page
  await page.waitForFunction(() => window.inbox.saved(), null, { timeout: 600000, polling: 250 });
  result.load_from_indexeddb_ms = await timeToInteractive(page, url);  // the stored snapshot + the log after it
  result.loaded_from_snapshot = await page.evaluate(() => window.inbox.loadedFromSnapshot());
  await settle(page);

  // A supervisor's All section: every conversation of the workspace in one list.
  await clickItem(page, '##sign_in_as');
  await page.keyboard.type('Supervisor');  // the picker's filter matches the role too
  await settle(page);
  const supervisor = (await page.evaluate(() => window.inbox.items()))
    .map((item) => item.label).find((label) => /##user\d+$/.test(label) && label.includes('Supervisor'));
  await clickItem(page, supervisor);
  await clickItem(page, 'All');
  result.signed_in_as = supervisor.split('##')[0];
  result.section = 'All';
  const listBox = (await page.evaluate(() => window.inbox.items())).find((item) => /conversation_list/.test(item.label));
  await page.mouse.move(listBox.x + listBox.w / 2, listBox.y + listBox.h / 2);
  result.scrolling = summary(await frameTimes(page, async () => {
    for (let i = 0; i < samples; ++i) {
      await page.mouse.wheel(0, 400);
      await settle(page);
    }
  }));

  const visible = await rowLabels(page);
  await clickItem(page, visible[Math.floor(visible.length / 2)]);  // one the scroll left wholly on screen
  // Outside the WhatsApp window the template picker replaces the text box; a note still types into it.
  const showing = (labels) => page.waitForFunction((wanted) => window.inbox.items().some((item) => wanted.includes(item.label)),
                                                   labels, { timeout: 30000, polling: 50 });
  await showing(['##compose', 'Internal note']);
  if (!(await hasItem(page, '##compose'))) await clickItem(page, 'Internal note');
  await showing(['##compose']);
  await clickItem(page, '##compose');
  result.typing = summary(await frameTimes(page, async () => {
    const text = 'Olá! Já verifiquei o seu pedido e ele sai amanhã de manhã. Qualquer dúvida, estou à disposição. ';
    for (let i = 0; i < samples; ++i) {
      await page.keyboard.type(text[i % text.length]);
      await settle(page);
    }
  }));

  await settle(page);
  const framesBefore = await page.evaluate(() => window.inbox.frames());
  await new Promise((resolve) => setTimeout(resolve, 5000));
  result.idle_frames_in_5s = (await page.evaluate(() => window.inbox.frames())) - framesBefore;

  const site = path.join(buildDir, 'web/site');
  result.download = Object.fromEntries(['inbox.wasm', 'inbox.js', 'inbox.data', 'shell.js', 'text_input.js', 'index.html']
    .filter((name) => fs.existsSync(path.join(site, name)))
    .map((name) => [name, gzipSize(path.join(site, name))]));
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await relay.stop();
}
