// Teammates shared (Settings > General, the workspace's teammates_shared): off, an agent has no Teammates
// section; a supervisor turns it on and the agent reads a teammate's chat there, but the core refuses what
// they try in it (a reply, closing it), with a toast; turned off again, the section goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, clickItem, hasItem, rowLabels, signInAs, openSettings, typeInto, search, press,
  demoAgent, demoSupervisor,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

const share = 'Agents see the Teammates section (read only)';
const refusal = "Not allowed for an agent: this conversation is someone else's.";

async function switchSharing(page) {
  await signInAs(page, demoSupervisor);
  await openSettings(page, 'General');
  await clickItem(page, share);
  await clickItem(page, 'Back to the inbox');
}

test('teammates shared: an agent reads a teammate’s chat in Teammates but cannot reply or close it', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, demoAgent);
  assert.equal(await hasItem(page, 'Teammates'), false, 'the demo starts with Teammates shared');
  await clickItem(page, 'Open');
  const mine = await rowLabels(page);

  await switchSharing(page);  // on
  await signInAs(page, demoAgent);
  assert.ok(await hasItem(page, 'Teammates'), 'the agent has no Teammates section once it is shared');
  await clickItem(page, 'Teammates');
  await clickItem(page, 'Open');
  const listed = await rowLabels(page);
  assert.ok(listed.length > 0, 'Teammates lists no open chat');
  assert.ok(listed.every((label) => !mine.includes(label)), 'Teammates lists the agent’s own chats');
  // One whose WhatsApp window is open, so the compose box takes free text.
  let theirs;
  for (const label of listed) {
    await clickItem(page, label);
    if (await hasItem(page, '##compose')) { theirs = label; break; }
  }
  assert.ok(theirs, 'no teammate’s chat opened with its compose box');
  assert.equal(await hasItem(page, 'Assign to me'), false);

  const marker = 'qzxteammate';
  await typeInto(page, '##compose', marker);
  await clickItem(page, 'Send');
  assert.ok(await hasItem(page, refusal), 'no refusal toast for a reply in a teammate’s chat');
  await clickItem(page, 'Close');
  await clickItem(page, 'Resolvido');
  await clickItem(page, 'Close conversation');
  await press(page, 'Escape');
  await clickItem(page, 'Open');
  assert.ok((await rowLabels(page)).includes(theirs), 'the agent closed a teammate’s chat');
  assert.deepEqual(await search(page, marker), [], 'the reply reached the teammate’s chat');

  await switchSharing(page);  // off again
  await signInAs(page, demoAgent);
  assert.equal(await hasItem(page, 'Teammates'), false, 'the agent still has Teammates once it is no longer shared');
  assert.deepEqual(errors, []);
  await context.close();
});
