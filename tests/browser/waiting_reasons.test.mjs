// The line under the chat's header that says why a chat waits with nobody on it, reached through Settings as a
// supervisor would: no team anywhere (then Support as the default team takes the chat), automatic assignment
// off (then on again), and a team with nobody in it (then a member). Each new chat comes from "A customer
// writes now"; the page's clock is frozen so no offer runs out while the test looks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, clickItem, hasItem, rowLabels, labels, signInAs, setNow, offers, pick, openSettings,
  typeInto, findItem, settle, showNewestWaiting, demoSupervisor,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

const noTeam = 'Waiting: no team (its channel has none, nor the workspace a default team). Assign it by hand';
const assignmentOff = 'Waiting: automatic assignment is off. Someone must take it';
const conversationOf = (row) => Number(row.split('##conv')[1]);

async function openAsSupervisor() {
  const opened = await openInbox(suite.browser, suite.relay.url);
  await setNow(opened.page, Date.now());
  await signInAs(opened.page, demoSupervisor);
  return opened;
}

// "A customer writes now" until the newest waiting chat is a new one that says `line` (someone who wrote
// before may write into a chat they already have); that chat is left open.
async function customerWritesUntil(page, line) {
  await showNewestWaiting(page);
  let newest = (await rowLabels(page))[0];
  for (let tries = 0; tries < 10; ++tries) {
    await clickItem(page, 'A customer writes now');
    const top = (await rowLabels(page))[0];
    if (top === undefined || top === newest) continue;
    newest = top;
    await clickItem(page, top);
    if (await hasItem(page, line)) return top;
  }
  throw new Error(`no new waiting chat says "${line}"`);
}

// The channels' team combos on the Teams tab ("##channel_team<n>").
async function channelCombos(page) {
  const combos = (await labels(page)).filter((label) => /^##channel_team\d+$/.test(label));
  assert.ok(combos.length > 0, 'the Teams tab lists no channels');
  return combos;
}

// The first user of the Teams tab's members table ("<name>##member<id>"), wheeling down to it: rows out of
// view have no label.
async function firstMember(page) {
  const strategy = await findItem(page, 'Round robin##strategy');
  for (let scrolls = 0; scrolls < 20; ++scrolls) {
    const member = (await labels(page)).find((label) => /##member\d+$/.test(label));
    if (member) return member;
    await page.mouse.move(strategy.x, strategy.y + strategy.h * 4);
    await page.mouse.wheel(0, 120);
    await settle(page);
  }
  throw new Error('the Teams tab shows no members table');
}

// What the open chat's header says once the engine has handed it out: offered (to whom the engine says),
// assigned (no line, nothing to take), or waiting for someone in its team to become free.
async function assertHandedOut(page, row) {
  const offer = (await offers(page)).find((o) => o.conversation === conversationOf(row));
  const all = await labels(page);
  if (offer) {
    assert.ok(all.includes(`Offered to ${offer.name}: waiting for them to accept`), `no offer line: ${all.join(' | ')}`);
  } else {
    assert.ok(!all.includes('Assign to me') || all.some((label) => label.startsWith('Waiting: nobody in ')),
              `the chat was neither offered, assigned nor queued: ${all.join(' | ')}`);
  }
}

test('no team: a chat on a channel with no team, and no default team, says so; Support as the default team takes it', async () => {
  const { context, page, errors } = await openAsSupervisor();
  await openSettings(page, 'General');
  await pick(page, '##default_team', 'No team##default_team_none');
  await clickItem(page, 'Teams');
  for (const combo of await channelCombos(page)) await pick(page, combo, `No team${combo}_none`);
  await clickItem(page, 'Back to the inbox');

  const row = await customerWritesUntil(page, noTeam);
  await openSettings(page, 'General');
  await pick(page, '##default_team', 'Support##default_team_team');
  await clickItem(page, 'Back to the inbox');
  assert.ok(await hasItem(page, '##compose'), 'the chat is no longer open');
  assert.equal(await hasItem(page, noTeam), false, 'the chat still waits with no team after a default team was set');
  await assertHandedOut(page, row);
  assert.deepEqual(errors, []);
  await context.close();
});

test('assignment off: a new chat says someone must take it; turned on again, the engine hands it out', async () => {
  const { context, page, errors } = await openAsSupervisor();
  await openSettings(page, 'General');
  await clickItem(page, 'Automatic assignment');  // the demo runs with it on
  await clickItem(page, 'Back to the inbox');

  const row = await customerWritesUntil(page, assignmentOff);
  await openSettings(page, 'General');
  await clickItem(page, 'Automatic assignment');
  await clickItem(page, 'Back to the inbox');
  assert.ok(await hasItem(page, '##compose'), 'the chat is no longer open');
  assert.equal(await hasItem(page, assignmentOff), false, 'the chat still says assignment is off');
  await assertHandedOut(page, row);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no members: every channel to a new empty team, a new chat says the team has nobody; with a member it is handed out', async () => {
  const { context, page, errors } = await openAsSupervisor();
  await openSettings(page, 'Teams');
  await typeInto(page, '##new_team', 'Plantão');
  await clickItem(page, 'Create team');
  for (const combo of await channelCombos(page)) await pick(page, combo, `Plantão${combo}_team`);
  await clickItem(page, 'Back to the inbox');

  const nobody = 'Waiting: the team Plantão has nobody in it';
  const row = await customerWritesUntil(page, nobody);
  await openSettings(page, 'Teams');
  await pick(page, '##settings_team', 'Plantão##pick_team');
  await clickItem(page, await firstMember(page));
  await clickItem(page, 'Back to the inbox');
  assert.equal(await hasItem(page, nobody), false, 'the chat still says its team has nobody');
  await assertHandedOut(page, row);
  assert.deepEqual(errors, []);
  await context.close();
});
