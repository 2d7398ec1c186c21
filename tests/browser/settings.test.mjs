// The settings screen in a real browser: an agent is refused by the core (a toast, no screen); a supervisor
// changes settings that the inbox then follows (a new closing reason in the close popup; automatic assignment
// on, a chat sent to a team assigned at once and explained by "Why this agent?").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, findItem, clickItem, hasItem, screenshot, rowLabels, labels, typeInto,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

// The demo's "sign in as" picker: the first user of that role (a fresh demo signs in as an agent).
async function signInAs(page, role) {
  await clickItem(page, '##sign_in_as');
  const user = (await labels(page)).find((label) => label.includes(` · ${role}##user`));
  assert.ok(user, `the demo has no ${role}`);
  await clickItem(page, user);
}

test('an agent clicking Settings gets the core’s refusal as a toast and no settings screen', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);  // signed in as an agent
  await clickItem(page, 'Settings');
  assert.ok(await hasItem(page, 'Not allowed for an agent: open the workspace settings.'), 'no refusal toast');
  assert.ok(!(await hasItem(page, 'Automatic assignment')), 'the settings screen opened');
  assert.ok(await hasItem(page, '##search'), 'the inbox columns are gone');
  await screenshot(page, 'settings-refused');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a supervisor adds a closing reason in Settings and agents close with it', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, 'Supervisor');
  await clickItem(page, 'Settings');
  assert.ok(await hasItem(page, 'Automatic assignment'));
  assert.ok(!(await hasItem(page, '##search')), 'the settings screen replaces the list and the chat');
  await screenshot(page, 'settings');
  await clickItem(page, 'Closing reasons');
  await typeInto(page, '##new_reason', 'Sem estoque');
  await clickItem(page, 'Add reason');
  await clickItem(page, 'Back to the inbox');
  await clickItem(page, 'All');
  await clickItem(page, (await rowLabels(page))[0]);
  await clickItem(page, 'Close');
  assert.ok(await hasItem(page, 'Sem estoque'), 'the close popup does not offer the new reason');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a supervisor turns automatic assignment off and on again; a chat transferred to a team is assigned, and "Why this agent?" says why', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, 'Supervisor');
  await clickItem(page, 'Settings');
  await clickItem(page, 'Teams');
  assert.ok(await hasItem(page, 'Round robin##strategy'));
  await screenshot(page, 'settings-teams');
  await clickItem(page, 'General');
  await clickItem(page, 'Automatic assignment');  // the demo starts with it on: off...
  await clickItem(page, 'Automatic assignment');  // ...and on again
  await clickItem(page, 'Back to the inbox');

  // The demo's waiting chats are Sales' backlog (its agents are at capacity); sent to Billing, the engine
  // assigns it at once.
  await clickItem(page, 'Unassigned');
  await clickItem(page, 'Pending');
  const waiting = (await rowLabels(page))[0];
  assert.ok(waiting, 'the demo has customers waiting');
  await clickItem(page, waiting);
  await clickItem(page, 'Transfer');
  // The demo requires a closing reason: a transfer ends the attention too, so the targets wait for one.
  assert.equal((await findItem(page, 'Billing##team2')).enabled, false, 'a team can be picked before the reason');
  await clickItem(page, 'Resolvido');
  await clickItem(page, 'Billing##team2');

  await clickItem(page, 'All');
  const name = waiting.split('##')[0];
  await typeInto(page, '##search', name);
  const conversationId = (label) => Number(label.split('##conv')[1]);
  const newest = (await rowLabels(page)).filter((label) => label.startsWith(`${name}##conv`))
    .sort((a, b) => conversationId(b) - conversationId(a))[0];
  assert.ok(conversationId(newest) > conversationId(waiting), 'the transfer opened no new attention');
  await clickItem(page, newest);
  await clickItem(page, 'Why this agent?');
  const all = await labels(page);
  assert.ok(all.some((label) => label.startsWith('Assigned to ')), `no explanation: ${all.join(' | ')}`);
  assert.ok(all.some((label) => label.startsWith('Team Billing: ')));
  await screenshot(page, 'explanation');
  assert.deepEqual(errors, []);
  await context.close();
});
