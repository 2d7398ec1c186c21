// The offline demo keeps everything in IndexedDB: a reload finds it as it was, "Reset demo" starts afresh,
// and a damaged store is replaced by a fresh demo with a notice instead of breaking the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, items, clickItem, settle, rowLabels, waitSaved, reload, search, replyInFirstConversation,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

test('reload: a reply sent in the demo is still there', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await waitSaved(page);
  const row = await replyInFirstConversation(page, 'persisted zebra 42');
  assert.deepEqual(await search(page, 'zebra 42'), [row], 'the reply is searchable before the reload');
  await waitSaved(page);
  await reload(page);
  assert.deepEqual(await search(page, 'zebra 42'), [row], 'the reply survived the reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Reset demo starts a fresh workspace, and stays reset after a reload', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url);
  await waitSaved(page);
  await replyInFirstConversation(page, 'forgotten yak 7');
  await waitSaved(page);
  await clickItem(page, 'Reset demo');
  await clickItem(page, 'Reset');
  await page.waitForFunction(() => window.inbox.ready() && window.inbox.saved(), null, { timeout: 15000 });
  await settle(page);
  assert.deepEqual(await search(page, 'yak 7'), []);
  await reload(page);
  assert.deepEqual(await search(page, 'yak 7'), []);
  await context.close();
});

test('a damaged saved demo is replaced by a fresh one, with a notice', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url);
  await waitSaved(page);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('agent-inbox-demo');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['FILE_DATA'], 'readwrite');
      tx.objectStore('FILE_DATA').put(new TextEncoder().encode('{"version": 1, "chunks": [{"events": 5, "checksum": 1}]}'), 'manifest');
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await reload(page);
  assert.ok((await rowLabels(page)).length > 0, 'a fresh demo is shown');
  assert.ok((await items(page)).some((item) => item.label === '##toast0'), 'the agent is told why');
  await waitSaved(page);
  await reload(page);
  assert.equal((await items(page)).some((item) => item.label === '##toast0'), false, 'the fresh demo was saved');
  await context.close();
});

// A bigger workspace (?contacts=1500, about 9,000 events) passes kSnapshotEveryEvents at once.
async function storedKeys(page, database) {
  return page.evaluate((name) => new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction(['FILE_DATA']).objectStore('FILE_DATA').getAllKeys();
      request.onsuccess = () => { db.close(); resolve(request.result); };
      request.onerror = () => reject(request.error);
    };
  }), database);
}

async function damage(page, database, key) {
  await page.evaluate(([name, target]) => new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['FILE_DATA'], 'readwrite');
      tx.objectStore('FILE_DATA').put(new TextEncoder().encode('INBS damaged'), target);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [database, key]);
}

test('a snapshot is stored and a reload starts from it; a damaged snapshot falls back to the whole log', async () => {
  const { context, page, errors } = await openInbox(suite.browser, `${suite.relay.url}?contacts=1500`);
  const database = 'agent-inbox-demo-1500';
  await waitSaved(page);
  const snapshots = (await storedKeys(page, database)).filter((key) => key.startsWith('snapshot/'));
  assert.equal(snapshots.length, 1, `one snapshot stored: ${snapshots}`);
  const row = await replyInFirstConversation(page, 'snapshot quokka 5');
  await waitSaved(page);

  await reload(page);
  assert.equal(await page.evaluate(() => window.inbox.loadedFromSnapshot()), true);
  assert.deepEqual(await search(page, 'quokka 5'), [row], 'the reply after the snapshot was replayed on top of it');

  await damage(page, database, snapshots[0]);
  await reload(page);
  assert.equal(await page.evaluate(() => window.inbox.loadedFromSnapshot()), false, 'the damaged snapshot is not used');
  assert.deepEqual(await search(page, 'quokka 5'), [row], 'the whole log still has everything');
  assert.equal((await items(page)).some((item) => item.label === '##toast0'), false, 'no fresh demo, no notice');
  assert.deepEqual(errors, []);
  await context.close();
});
