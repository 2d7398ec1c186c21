// A browser whose storage cannot keep the demo (IndexedDB blocked, or full): the demo still runs, and a notice
// that stays across the top says it cannot be saved and that changes last only until the page is reloaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, items, hasItem, settle, rowLabels, reload, setNow, now, search, replyInFirstConversation,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

// As in private windows that refuse IndexedDB: opening a database throws.
function blockIndexedDB() {
  IDBFactory.prototype.open = function () {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError');
  };
}

// As when the origin's quota is used up: every write fails with QuotaExceededError; reads still work.
function fillIndexedDB() {
  IDBObjectStore.prototype.put = function () {
    const request = { error: null, onsuccess: null, onerror: null };
    setTimeout(() => {
      request.error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (request.onerror) request.onerror({ target: request, preventDefault() {} });
    });
    return request;
  };
}

async function waitNotice(page) {
  await page.waitForFunction(() => window.inbox.items().some((item) => item.label === '##storage_notice'), null,
                             { timeout: 15000 });
  await settle(page);
}

async function noticeText(page) {
  return (await items(page)).map((item) => item.label).find((label) => label.includes('until the page is reloaded'));
}

test('IndexedDB blocked: a fresh demo runs under a notice that it cannot be saved, with no toast and no page error', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url, { initScript: blockIndexedDB });
  await waitNotice(page);
  assert.ok((await rowLabels(page)).length > 0, 'the demo is usable');
  assert.match(await noticeText(page), /storage \(IndexedDB\) cannot be opened/);
  assert.equal(await hasItem(page, '##toast0'), false, 'the notice says it; no toast repeats it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage full: the notice stays, the demo goes on, and what was done is gone after a reload', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url, { initScript: fillIndexedDB });
  await waitNotice(page);
  assert.match(await noticeText(page), /refused to store the demo/);
  const row = await replyInFirstConversation(page, 'unsaved ibis 3');
  assert.deepEqual(await search(page, 'ibis 3'), [row], 'the reply is in the demo until the reload');
  await setNow(page, (await now(page)) + 60000);  // a minute on: any toast would have gone
  assert.ok(await hasItem(page, '##storage_notice'), 'the notice is still there');
  await reload(page);
  await waitNotice(page);
  assert.deepEqual(await search(page, 'ibis 3'), [], 'nothing was saved');
  assert.deepEqual(errors, []);
  await context.close();
});
