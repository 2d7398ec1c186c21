// Active messages from the contact panel in a real browser (Blip Desk's individual campaign, "enviar ahora o
// programar"): an agent schedules a template to the contact with the replies routed to them, sees it listed,
// cancels it; schedules another that goes out when the page clock reaches its time; and sends one now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inboxSuite, openInbox, items, clickItem, hasItem, rowLabels, screenshot, signInAs, setNow, now, findPrefix,
  typeInto, settle, demoAgent as agent,
} from './lib/inbox_page.mjs';

const suite = inboxSuite();

// A WhatsApp chat of the agent's with the contact panel open (the form shows on WhatsApp only).
async function openActiveMessage(page) {
  for (const row of await rowLabels(page)) {
    await clickItem(page, row);
    if (!(await hasItem(page, 'Choose a template###campaign_template'))) {
      await clickItem(page, 'Contact');
    }
    if (await hasItem(page, 'Choose a template###campaign_template')) return row;
    await clickItem(page, 'Contact');  // not WhatsApp: close the panel again
  }
  throw new Error('the agent has no WhatsApp conversation');
}

// The contact panel scrolls once the form and its list outgrow it: wheel it to the bottom.
async function scrollPanelDown(page) {
  const top = (await items(page)).find((item) => item.label === '##contact_name');
  await page.mouse.move(top.x + top.w / 2, top.y + 200);
  await page.mouse.wheel(0, 2000);
  await settle(page);
}

async function fillTemplate(page, button) {
  await clickItem(page, 'Choose a template###campaign_template');
  await clickItem(page, await findPrefix(page, 'retomar_atendimento (pt_BR)##template'));
  await scrollPanelDown(page);
  assert.equal((await items(page)).find((item) => item.label === button).enabled, false,
               'a template with an empty parameter can be sent');
  await typeInto(page, '##param1', 'Cliente');
}

const campaignLines = async (page) =>
  (await items(page)).map((item) => item.label).filter((label) => label.endsWith('· retomar_atendimento (pt_BR)'));

test('an agent schedules an active message, sees it listed, cancels it; another goes out at its time', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await setNow(page, await now(page));  // the page clock moves only when the test moves it
  await signInAs(page, agent);
  await openActiveMessage(page);
  assert.deepEqual(await campaignLines(page), [], 'the contact already had campaigns');

  await fillTemplate(page, 'Send active message');
  await clickItem(page, 'Schedule');
  await scrollPanelDown(page);
  assert.ok(await hasItem(page, '##campaign_day'), 'no date and time to schedule at');
  await clickItem(page, 'Schedule active message');  // the form starts an hour from now
  let lines = await campaignLines(page);
  assert.equal(lines.length, 1, `expected one campaign line, got ${lines}`);
  assert.ok(lines[0].startsWith('Scheduled for '), `not scheduled: ${lines[0]}`);
  await screenshot(page, 'campaign-scheduled');
  await clickItem(page, await findPrefix(page, 'Cancel##cancel_campaign'));
  lines = await campaignLines(page);
  assert.ok(lines[0].startsWith('Cancelled · '), `not cancelled: ${lines[0]}`);
  assert.ok(!(await items(page)).some((item) => item.label.startsWith('Cancel##cancel_campaign')), 'still cancellable');

  await fillTemplate(page, 'Schedule active message');  // the form stays on Schedule
  await scrollPanelDown(page);
  await clickItem(page, 'Schedule active message');
  assert.ok((await campaignLines(page))[0].startsWith('Scheduled for '), 'the second one is not scheduled');
  await setNow(page, (await now(page)) + 2 * 3600_000);
  lines = await campaignLines(page);
  assert.ok(lines[0].startsWith('Sent '), `the scheduled campaign did not go out at its time: ${lines[0]}`);
  assert.ok(lines[1].startsWith('Cancelled · '), 'the cancelled one changed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an active message sent now is listed as sent', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url);
  await signInAs(page, agent);
  await openActiveMessage(page);
  await fillTemplate(page, 'Send active message');
  await clickItem(page, 'Send active message');
  const lines = await campaignLines(page);
  assert.equal(lines.length, 1);
  assert.ok(lines[0].startsWith('Sent '), `not sent: ${lines[0]}`);
  assert.deepEqual(errors, []);
  await context.close();
});
