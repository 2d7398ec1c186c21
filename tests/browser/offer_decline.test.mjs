// Decline in the offer popup: the offer leaves the agent who declined (no popup, not in their lists) and the
// engine offers the chat to the next agent of its team; a supervisor reads that in the chat's waiting line and
// in "Why this agent?". The page's clock is frozen so no offer runs out while the test looks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, clickItem, hasItem, rowLabels, labels, signInAs, setNow, offers, showNewestWaiting,
  customerWaitingForAccept, scrollToConversation, demoSupervisor,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

const offeredLine = (name) => `Offered to ${name}: waiting for them to accept`;

test('Decline in the offer popup: the offer goes, the chat is not the agent’s, and it is offered to another agent', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await setNow(page, Date.now());
  const offer = await customerWaitingForAccept(page);
  const decliner = { id: offer.user, name: offer.name };
  const accept = `Accept##offer${offer.conversation}`;
  const decline = `Decline##offer${offer.conversation}`;
  await signInAs(page, decliner);
  assert.ok(await hasItem(page, accept), 'the offered agent sees no Accept');
  assert.ok(await hasItem(page, decline), 'the offered agent sees no Decline');

  await clickItem(page, decline);
  assert.equal(await hasItem(page, decline), false, 'the popup still shows the declined offer');
  assert.equal(await hasItem(page, accept), false);
  const again = (await offers(page)).filter((o) => o.conversation === offer.conversation);
  assert.ok(again.every((o) => o.user !== decliner.id), 'the chat is still offered to the agent who declined');
  const isTheChat = (label) => label.endsWith(`##conv${offer.conversation}`);
  for (const tab of ['Open', 'Pending']) {
    await clickItem(page, tab);
    assert.ok(!(await rowLabels(page)).some(isTheChat), `the declined chat is in the agent's Mine / ${tab}`);
  }
  assert.equal(again.length, 1, 'the chat was not offered to the next agent of its team');
  const next = again[0];

  // A supervisor opens the chat: it waits for the next agent, and the explanation log shows both offers.
  await signInAs(page, demoSupervisor);
  await showNewestWaiting(page);
  await clickItem(page, await scrollToConversation(page, offer.conversation));
  assert.ok(await hasItem(page, offeredLine(next.name)), `no "${offeredLine(next.name)}" in the chat header`);
  assert.equal(await hasItem(page, offeredLine(decliner.name)), false, 'the header still names the agent who declined');
  await clickItem(page, 'Why this agent?');
  const log = await labels(page);
  assert.ok(log.includes(`Offered to ${decliner.name}`), `the log lacks the first offer: ${log.join(' | ')}`);
  assert.ok(log.includes(`Offered to ${next.name}`), `the log lacks the second offer: ${log.join(' | ')}`);
  assert.ok(log.includes(`${decliner.name}: Declined the offer`), `the log does not say who declined: ${log.join(' | ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
