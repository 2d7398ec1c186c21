// Issue 7's chat flows in a real browser, through the test locator: transfer, conference, closing with a
// searched reason, a reminder that falls due when the page clock moves on, accent-insensitive search, the
// 4096-character limit, templates once the WhatsApp window has closed, and a reload that keeps a reminder and
// a setting. Also the screenshots of a referral card, the team view and the inbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, items, findItem, hasItem, clickItem, clickAt, settle, press, rowLabels, screenshot, signInAs,
  setNow, now, waitSaved, reload, labels, findPrefix, typeInto, search, demoAgent as agent,
  demoSupervisor as supervisor,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

// The transfer and invite lists scroll (rows are "<name>##<prefix><user id>", labelled only while in view):
// wheel down the list until the agent shows, then type part of their name in the list's search, which leaves
// only the matching rows, and pick them. Greyed-out rows (the transfer list's agents who are not available)
// cannot be picked.
async function pickAgent(page, prefix, accept) {
  const isRow = (label) => new RegExp(`##${prefix}\\d+$`).test(label);
  const rowItems = async () => (await items(page)).filter((item) => isRow(item.label));
  const rowsNow = async () => (await rowItems()).filter((item) => item.enabled).map((item) => item.label);
  const first = (await rowItems())[0];
  const seen = new Set();
  let target;
  for (let scrolls = 0; !target && scrolls < 30; ++scrolls) {
    const rows = await rowsNow();
    rows.forEach((label) => seen.add(label));
    target = rows.find((label) => accept(Number(label.split(`##${prefix}`)[1])));
    await page.mouse.move(first.x + first.w / 2, first.y + first.h);
    await page.mouse.wheel(0, 120);
    await settle(page);
  }
  assert.ok(target, `the ${prefix} list has no such agent among ${seen.size}`);
  const rows = [...seen];
  await typeInto(page, `##${prefix}_search`, contactOf(target).split(' ')[0].toUpperCase());
  const shown = await rowsNow();
  assert.ok(shown.includes(target) && shown.length < rows.length, `searching did not narrow the list to ${target}`);
  await clickItem(page, target);
  return { id: Number(target.split(`##${prefix}`)[1]), name: contactOf(target) };
}

async function clearSearch(page) {
  await typeInto(page, '##search', '');
  await press(page, 'Backspace');
}

const contactOf = (row) => row.split('##')[0];



// The signed-in agent's first open conversation, opened.
async function openFirstMine(page) {
  const row = (await rowLabels(page))[0];
  assert.ok(row, 'the agent has an open conversation');
  await clickItem(page, row);
  return row;
}

test('transfer to an agent is a request: the chat stays until they accept in their offer popup, then it is theirs', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, agent);
  const row = await openFirstMine(page);
  await clickItem(page, 'Transfer');
  await clickItem(page, 'Resolvido');  // the demo requires a closing reason, for transfers too
  const target = await pickAgent(page, 'transfer', (id) => id > agent.id);
  await settle(page);
  assert.ok((await rowLabels(page)).includes(row), 'the conversation left Mine before the agent accepted');
  await findPrefix(page, `Transfer to ${target.name} requested: waiting for them to accept`);

  // The teammate is asked in their offer popup; accepting makes it theirs (a new attention, same contact).
  await signInAs(page, target);
  assert.ok(await hasItem(page, `Transfer request from ${agent.name}`), 'the target sees no transfer request');
  await clickItem(page, await findPrefix(page, 'Accept##offer'));
  await settle(page);
  assert.ok((await rowLabels(page)).some((label) => label.startsWith(`${contactOf(row)}##conv`)),
            `the transfer target's Mine does not list ${contactOf(row)}`);

  await signInAs(page, agent);
  assert.ok(!(await rowLabels(page)).includes(row), 'the transferred conversation is still in the owner\'s Mine');
  assert.deepEqual(errors, []);
  await context.close();
});

test('conference: the owner invites, the invitee joins and leaves, the owner ends it', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, agent);
  const row = await openFirstMine(page);
  await clickItem(page, 'Conference');
  assert.ok(!(await hasItem(page, 'End conference')), 'nothing to end before an invitation');
  const invitee = await pickAgent(page, 'invite', (id) => id === 38);
  await clickItem(page, 'Conference');
  assert.ok(await hasItem(page, 'End conference'), 'the owner cannot end the conference they started');
  await press(page, 'Escape');

  // The invitee finds the conversation they were invited to by searching its contact.
  await signInAs(page, invitee);
  const found = (await search(page, contactOf(row))).find((label) => label === row);
  assert.ok(found, `the invitee cannot find ${row}`);
  await clickItem(page, row);
  await clickItem(page, 'Conference');
  assert.ok(await hasItem(page, 'Join conference'), 'the invitee is not offered to join');
  await clickItem(page, 'Join conference');
  await clickItem(page, 'Conference');
  assert.ok(await hasItem(page, 'Leave conference'), 'the participant is not offered to leave');
  assert.ok(!(await hasItem(page, 'Join conference')));
  await screenshot(page, 'conference-joined');
  await clickItem(page, 'Leave conference');

  // Back as the owner: invite again, then end it.
  await signInAs(page, agent);
  await clickItem(page, row);
  await clickItem(page, 'Conference');
  assert.ok(!(await hasItem(page, 'End conference')), 'the conference is not empty after the invitee left');
  await pickAgent(page, 'invite', (id) => id === invitee.id);
  await clickItem(page, 'Conference');
  await clickItem(page, 'End conference');
  await clickItem(page, 'Conference');
  assert.ok(!(await hasItem(page, 'End conference')), 'the conference did not end');
  assert.ok(await hasItem(page, '##invite_search'), 'the owner cannot invite again');
  await press(page, 'Escape');
  await screenshot(page, 'conference-ended');
  assert.deepEqual(errors, []);
  await context.close();
});

test('close with a closing reason found by searching part of its name: it is in the Closed tab', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  const row = await openFirstMine(page);
  await clickItem(page, 'Close');
  assert.ok(await hasItem(page, 'Resolvido'));
  await page.keyboard.type('conclu');  // the search field has the focus when the popup opens
  await settle(page);
  assert.ok(await hasItem(page, 'Venda concluída'), 'the search does not find "Venda concluída"');
  assert.ok(!(await hasItem(page, 'Resolvido')), 'the search does not filter the reasons');
  await clickItem(page, 'Venda concluída');
  await clickItem(page, 'Close conversation');
  assert.ok(!(await rowLabels(page)).includes(row), 'the closed conversation is still in Open');
  await clickItem(page, 'Closed');
  assert.ok((await rowLabels(page)).includes(row), 'the closed conversation is not in the Closed tab');
  assert.deepEqual(errors, []);
  await context.close();
});

test('remind in 30 minutes: Scheduled until the clock passes the due time, then back in Open and overdue', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  const t0 = await now(page);
  await setNow(page, t0);
  const row = await openFirstMine(page);
  await clickItem(page, 'Remind');
  await clickItem(page, 'In 30 minutes');
  assert.ok(!(await rowLabels(page)).includes(row), 'the reminded conversation is still in Open');
  await clickItem(page, 'Scheduled');
  assert.ok((await rowLabels(page)).includes(row), 'the reminded conversation is not in Scheduled');

  await setNow(page, t0 + 31 * 60_000);
  assert.ok(!(await rowLabels(page)).includes(row), 'the due conversation is still in Scheduled');
  await clickItem(page, 'Open');
  assert.ok((await rowLabels(page)).includes(row), 'the due conversation is not back in Open');
  // "Overdue: …" is drawn on the row (no widget): the toast and the bell say the same through the locator.
  const all = await labels(page);
  assert.ok(all.includes(`Reminder due: ${contactOf(row)}`), `no "Reminder due" toast: ${all.join(' | ')}`);
  const bell = await findPrefix(page, '🔔 1###');
  await screenshot(page, 'reminder-overdue');
  await clickItem(page, bell);
  assert.ok((await labels(page)).some((label) => label.startsWith(`• Reminder due: ${contactOf(row)} · `)),
            'the bell does not list the due reminder');
  assert.deepEqual(errors, []);
  await context.close();
});

test('search "sao paulo" finds the conversation that says "São Paulo"', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, supervisor);
  await clickItem(page, 'All');
  const found = await search(page, 'sao paulo');
  assert.ok(found.length > 0, 'nothing found for "sao paulo"');
  assert.deepEqual(await search(page, 'SÃO PAULO'), found, 'case and accents change the results');
  assert.deepEqual(errors, []);
  await context.close();
});

test('4,097 characters are refused: Send is disabled, Enter is refused by the core with a toast, nothing sent; 4,096 may be sent', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url, { clipboard: true });
  const row = await openFirstMine(page);
  const compose = await findItem(page, '##compose');
  await clickAt(page, compose.x + 20, compose.y + 10);
  const marker = 'qzxlimit';
  await page.evaluate((text) => navigator.clipboard.writeText(text), marker + 'a'.repeat(4097 - marker.length));
  await press(page, 'Control+V');
  assert.equal((await findItem(page, 'Send')).enabled, false, 'Send is enabled for 4,097 characters');
  await press(page, 'Enter');
  const labels = (await items(page)).map((item) => item.label);
  assert.ok(labels.some((label) => label.startsWith('The message has 4097 characters; the limit is 4096')),
            `no toast with the core's refusal: ${labels.filter((l) => l.startsWith('The message')).join(' | ')}`);
  assert.ok(await hasItem(page, '##compose'), 'the compose box is gone');
  assert.deepEqual(await search(page, marker), [], 'the 4,097 characters were sent');

  // One character less is allowed.
  const box = await findItem(page, '##compose');
  await clickAt(page, box.x + 20, box.y + 10);
  await press(page, 'Control+End');
  await press(page, 'Backspace');
  assert.equal((await findItem(page, 'Send')).enabled, true, 'Send is disabled for 4,096 characters');
  await clickItem(page, 'Send');
  assert.deepEqual(await search(page, marker), [row], 'the 4,096 characters were not sent');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after the 24-hour window only a template can be sent, and it goes through', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await setNow(page, Date.now() + 25 * 3600_000);  // every customer's window has closed
  let row;
  for (const label of await rowLabels(page)) {
    await clickItem(page, label);
    if (await hasItem(page, 'Choose a template###choose_template')) { row = label; break; }
  }
  assert.ok(row, 'no WhatsApp conversation in Mine');
  assert.ok(!(await hasItem(page, '##compose')), 'free text can still be typed outside the window');
  assert.deepEqual(await search(page, 'podemos continuar'), [], 'the template text was already there');
  await clearSearch(page);
  await clickItem(page, row);
  await clickItem(page, 'Choose a template###choose_template');
  await clickItem(page, await findPrefix(page, 'retomar_atendimento (pt_BR)##template'));
  assert.equal((await findItem(page, 'Send template')).enabled, false, 'a template with a gap can be sent');
  await typeInto(page, '##param1', 'Ana');
  await clickItem(page, 'Send template');
  assert.deepEqual(await search(page, 'podemos continuar'), [row], 'the template was not sent');
  assert.deepEqual(errors, []);
  await context.close();
});

test('reload keeps a reminder and a setting', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await waitSaved(page);
  await signInAs(page, agent);
  const row = await openFirstMine(page);
  await clickItem(page, 'Remind');
  await clickItem(page, 'In 4 hours');
  await signInAs(page, supervisor);
  await clickItem(page, 'Settings');
  await clickItem(page, 'Closing reasons');
  await typeInto(page, '##new_reason', 'Sem estoque');
  await clickItem(page, 'Add reason');
  await clickItem(page, 'Back to the inbox');
  await waitSaved(page);
  await reload(page);

  await signInAs(page, agent);
  await clickItem(page, 'Scheduled');
  assert.ok((await rowLabels(page)).includes(row), 'the reminder did not survive the reload');
  await clickItem(page, row);
  await clickItem(page, 'Close');
  assert.ok(await hasItem(page, 'Sem estoque'), 'the new closing reason did not survive the reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: a Click-to-WhatsApp referral card, the team view, the inbox', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await openFirstMine(page);
  await screenshot(page, 'inbox');

  await signInAs(page, supervisor);
  await clickItem(page, 'Team');
  await screenshot(page, 'team-view');

  // About one WhatsApp customer in seven came from an ad: Alt+Down walks the list until a card shows.
  await clickItem(page, 'All');
  await clickItem(page, (await rowLabels(page))[0]);
  let card = false;
  for (let i = 0; i < 60 && !card; i++) {
    card = (await labels(page)).some((label) => label.includes('/referral'));
    if (!card) await press(page, 'Alt+ArrowDown');
  }
  assert.ok(card, 'no referral card in the first 60 conversations of All');
  await screenshot(page, 'chat-referral');
  assert.deepEqual(errors, []);
  await context.close();
});
