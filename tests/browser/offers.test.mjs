// The assignment engine in the page: a customer writes, the engine offers the chat to an agent, whose
// browser shows the offer popup; Accept, reply; or let it run out: RONA, and the chat moves on. The page's
// clock is frozen so the one-minute offer timer only moves when the test moves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, items, clickItem, hasItem, settle, press, rowLabels, screenshot, signInAs, setNow, offers,
  customerWaitingForAccept,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

async function labelsEndingWith(page, suffix) {
  return (await items(page)).map((item) => item.label).filter((label) => label.endsWith(suffix));
}

test('an inbound message is offered to an agent: Accept, reply, and the reply is in the chat and the list', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await setNow(page, Date.now());
  const offer = await customerWaitingForAccept(page);
  assert.equal(await hasItem(page, `Accept##offer${offer.conversation}`), false, 'the offer is not for whoever is signed in');
  await signInAs(page, { id: offer.user, name: offer.name });
  assert.ok(await hasItem(page, `Accept##offer${offer.conversation}`), 'the offered agent sees the popup');
  await screenshot(page, 'offer-popup');

  await clickItem(page, `Accept##offer${offer.conversation}`);
  assert.equal(await hasItem(page, `Accept##offer${offer.conversation}`), false);
  assert.deepEqual(await offers(page), []);
  const row = (await rowLabels(page)).find((label) => label.endsWith(`##conv${offer.conversation}`));
  assert.ok(row, 'the accepted chat is listed in Mine / Open');

  await clickItem(page, '##compose');
  await page.keyboard.type('Claro! Já vou verificar 😊');
  await settle(page);
  await press(page, 'Enter');
  await clickItem(page, '##search');
  await page.keyboard.type('ja vou verificar');
  await settle(page);
  assert.deepEqual(await rowLabels(page), [row], 'the reply is in the conversation (found by its text)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('signing in as another agent of the same demo shows only what an agent may see', async () => {
  const { context, page } = await openInbox(suite.browser, suite.relay.url);
  // The picker's filter finds users by role too.
  const someone = async (role) => {
    await clickItem(page, '##sign_in_as');
    await page.keyboard.type(role);
    await settle(page);
    const label = (await labelsEndingWith(page, '')).find((l) => l.includes(` · ${role}##user`));
    await press(page, 'Escape');
    assert.ok(label, `a ${role} in the picker`);
    return { id: Number(label.split('##user')[1]), name: label.split(' · ')[0] };
  };
  await signInAs(page, await someone('Supervisor'));
  for (const section of ['Mine', 'Unassigned', 'All', 'Teammates']) assert.ok(await hasItem(page, section), section);
  await signInAs(page, await someone('Agent'));
  assert.ok(await hasItem(page, 'Mine'));
  assert.ok(await hasItem(page, 'Unassigned'));
  assert.equal(await hasItem(page, 'All'), false, 'an agent does not see All');
  assert.equal(await hasItem(page, 'Teammates'), false, 'an agent does not see Teammates');
  await context.close();
});

test('an offer not accepted in time: the agent is in RONA and the chat is offered to the next agent', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  const start = Date.now();
  await setNow(page, start);
  const offer = await customerWaitingForAccept(page);
  await signInAs(page, { id: offer.user, name: offer.name });
  assert.ok(await hasItem(page, `Accept##offer${offer.conversation}`));

  await setNow(page, offer.expires_at + 1000);
  assert.equal(await hasItem(page, `Accept##offer${offer.conversation}`), false, 'the popup went with the offer');
  assert.ok(await hasItem(page, 'Become available'), 'the agent shows RONA with the way back');
  const next = (await offers(page)).find((o) => o.conversation === offer.conversation);
  assert.ok(next, 'the chat was offered again');
  assert.notEqual(next.user, offer.user, 'to another agent');

  await clickItem(page, 'Become available');
  assert.equal(await hasItem(page, 'Become available'), false);
  assert.deepEqual(errors, []);
  await context.close();
});
