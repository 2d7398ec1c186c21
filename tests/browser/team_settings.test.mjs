// Teams in Settings > Teams: a supervisor renames a team and deletes it; the core refuses deleting the
// workspace's default team (a toast), and a deleted team's open chats go to the default team. Which team a chat
// is in is read through the list's team filter, on a chat the test transferred to Billing itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, clickItem, hasItem, rowLabels, labels, signInAs, openSettings, pick, press, typeInto,
  search, findPrefix, demoSupervisor,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

const conversationOf = (row) => Number(row.split('##conv')[1]);

// The team picker's entries ("<team>##pick_team<n>"), read with the combo open.
async function teamsInPicker(page) {
  await clickItem(page, '##settings_team');
  const teams = (await labels(page)).filter((label) => label.includes('##pick_team')).map((label) => label.split('##')[0]);
  await press(page, 'Escape');
  return teams;
}

// The rows the list shows for `contact` with its team filter on `team`.
async function rowsInTeam(page, team, contact) {
  await pick(page, '##filter_team', `${team}##filter_team`);
  return search(page, contact);
}

test('a supervisor renames a team, cannot delete the default team, and deleting a team moves its open chats to the default team', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, demoSupervisor);
  await openSettings(page, 'General');
  await pick(page, '##default_team', 'Support##default_team_team');  // whether or not the demo has one
  await clickItem(page, 'Back to the inbox');

  // A chat of its own in Billing: an open one transferred there (a new attention of the same contact).
  await clickItem(page, 'All');
  await clickItem(page, 'Open');
  const first = (await rowLabels(page))[0];
  assert.ok(first, 'All / Open lists no chat');
  const contact = first.split('##')[0];
  await clickItem(page, first);
  await clickItem(page, 'Transfer');
  await clickItem(page, 'Resolvido');  // the demo requires a closing reason, for transfers too
  await clickItem(page, await findPrefix(page, 'Billing##team'));
  const inBilling = (await rowsInTeam(page, 'Billing', contact)).filter((row) => row.startsWith(`${contact}##conv`))
    .sort((a, b) => conversationOf(b) - conversationOf(a))[0];
  assert.ok(inBilling && conversationOf(inBilling) > conversationOf(first), 'the transfer opened no chat in Billing');
  assert.ok(!(await rowsInTeam(page, 'Support', contact)).includes(inBilling), 'the Billing chat is in Support already');

  await openSettings(page, 'Teams');
  await pick(page, '##settings_team', 'Billing##pick_team');
  await typeInto(page, '##rename_team', 'Cobrança');
  await clickItem(page, 'Rename');
  const renamed = await teamsInPicker(page);
  assert.ok(renamed.includes('Cobrança') && !renamed.includes('Billing'), `not renamed: ${renamed.join(', ')}`);

  // The default team cannot go: a toast says why, and it stays.
  await pick(page, '##settings_team', 'Support##pick_team');
  await clickItem(page, 'Delete team');
  assert.ok(await hasItem(page, "This is the workspace's default team: choose another default team first."),
            'no refusal toast for deleting the default team');
  assert.ok((await teamsInPicker(page)).includes('Support'), 'the default team was deleted');

  await clickItem(page, 'Back to the inbox');
  assert.ok((await rowsInTeam(page, 'Cobrança', contact)).includes(inBilling), 'the chat did not keep its renamed team');
  await openSettings(page, 'Teams');
  await pick(page, '##settings_team', 'Cobrança##pick_team');
  await clickItem(page, 'Delete team');
  const left = await teamsInPicker(page);
  assert.ok(!left.includes('Cobrança') && left.includes('Support'), `not deleted: ${left.join(', ')}`);
  await clickItem(page, 'Back to the inbox');
  assert.ok((await rowsInTeam(page, 'Support', contact)).includes(inBilling),
            'the deleted team’s chat did not move to the default team');
  assert.deepEqual(errors, []);
  await context.close();
});
