// The UI's language in a real browser: chosen from navigator.languages (a pt-BR browser gets Portuguese),
// switched with the "##language" combo in column 1, remembered across a reload, overridden by ?lang=xx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inboxSuite, openInbox, clickItem, hasItem, settle, screenshot, reload } from './lib/inbox_page.mjs';

const suite = inboxSuite();


test('a pt-BR browser gets Portuguese; the combo switches to English, which survives a reload', async () => {
  const { context, page, errors } = await openInbox(suite.browser, suite.relay.url, { locale: 'pt-BR' });
  for (const label of ['Minhas', 'Não atribuídas', 'Abertas', 'Pendentes', 'Configurações', 'Reiniciar a demonstração']) {
    assert.ok(await hasItem(page, label), `no "${label}" in Portuguese`);
  }
  assert.ok(!(await hasItem(page, 'Mine')), 'English section names in a pt-BR browser');
  await screenshot(page, 'inbox-pt');

  await clickItem(page, '##language');
  assert.ok(await hasItem(page, 'Français##language_fr'), 'the combo lists every language in its own name');
  await clickItem(page, 'English##language_en');
  assert.ok(await hasItem(page, 'Mine'), 'no "Mine" after switching to English');
  assert.ok(await hasItem(page, 'Open'));
  assert.ok(!(await hasItem(page, 'Minhas')));
  assert.equal(await page.evaluate(() => localStorage.getItem('agent-inbox-language')), 'en');

  await reload(page);
  assert.ok(await hasItem(page, 'Mine'), 'the English choice did not survive the reload');
  assert.ok(!(await hasItem(page, 'Minhas')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('?lang=fr overrides the browser and the stored choice', async () => {
  const url = new URL(suite.relay.url);
  url.searchParams.set('lang', 'fr');
  const { context, page, errors } = await openInbox(suite.browser, url.toString(), { locale: 'es-ES' });
  for (const label of ['Les miennes', 'Non assignées', 'Ouvertes', 'Paramètres']) {
    assert.ok(await hasItem(page, label), `no "${label}" in French`);
  }
  assert.ok(!(await hasItem(page, 'Míos')));
  assert.deepEqual(errors, []);
  await context.close();
});
