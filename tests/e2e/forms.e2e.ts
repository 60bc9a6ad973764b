// Forms and pages as a person meets them, in Chromium: an empty submit names every missing field in Dutch, next to
// the field and in a summary at the top, without field codes; each page has its own title; focus moves to the
// page's heading after a navigation; <html lang> follows the language, also after a reload.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';

/** Words a Dutch page must not show: English from the API or a library, and field codes from the code. */
const NOT_DUTCH = /\b(required|invalid|expected|too small|must|characters|is taken|unknown username)\b/i;
const FIELD_CODE = /\b[a-z]+[A-Z]\w*\b|\b\w+_id\b|\binput\.\w+/;

async function expectDutchFieldErrors(form: Locator, fieldIds: string[]) {
  const summary = form.locator('.kk-error-summary');
  await summary.waitFor();
  const summaryText = await summary.innerText();
  expect(summaryText).toMatch(/Niet alles is goed ingevuld/);
  expect(summaryText).not.toMatch(NOT_DUTCH);
  expect(summaryText).not.toMatch(FIELD_CODE);
  for (const id of fieldIds) {
    const control = form.locator(`#${id}`);
    await expect(control.getAttribute('aria-invalid'), id).resolves.toBe('true');
    const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' '), id).toContain(`${id}-error`);
    const message = (await form.locator(`#${id}-error`).textContent()) ?? '';
    expect(message, id).toMatch(/\w/);
    expect(message, id).not.toMatch(NOT_DUTCH);
    expect(message, id).not.toMatch(FIELD_CODE);
    // The summary links to the field it speaks of.
    await expect(summary.locator(`a[href="#${id}"]`).count(), id).resolves.toBe(1);
  }
}

describe('forms and pages', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await startWebApp();
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it('sign-in: an empty submit names both fields in Dutch; a wrong password is said in plain Dutch', async () => {
    const page = await web.browser.newPage();
    await page.goto(`${web.base}/sign-in`);
    const form = page.locator('form[aria-labelledby="sign-in-heading"]');
    await form.getByRole('button', { name: 'Inloggen' }).click();
    await expectDutchFieldErrors(form, ['sign-in-username', 'sign-in-password']);
    await expect(page.evaluate(() => document.activeElement?.classList.contains('kk-error-summary'))).resolves.toBe(true);
    await page.screenshot({ path: `${artifacts}forms-sign-in-empty.png`, fullPage: true });
    await form.getByLabel('Gebruikersnaam').fill('coordinator.amsterdam');
    await form.getByLabel('Wachtwoord').fill('niet het wachtwoord');
    await form.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => form.locator('.kk-error-summary').textContent()).toMatch(/De gebruikersnaam of het wachtwoord klopt niet/);
    await expect(form.locator('.kk-error-summary').textContent()).resolves.not.toMatch(NOT_DUTCH);
    await page.close();
  });

  it('referral on a trace page: an empty submit names the agencies and the question', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await page.goto(`${web.base}/gaps`);
    await page.locator('table a').first().click();
    await page.getByRole('button', { name: 'Doorverwijzen', exact: true }).click();
    const form = page.locator('form[aria-labelledby="referral-heading"]');
    await form.waitFor();
    await form.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await expectDutchFieldErrors(form, ['referral-fromAgencyId', 'referral-toAgencyId', 'referral-purpose']);
    await form.screenshot({ path: `${artifacts}forms-referral-empty.png` });
    await page.close();
  });

  it('shelter forms: upload without a file, a refusal and a capacity report left empty', async () => {
    const page = await web.signIn('shelter.hvo');
    await page.goto(`${web.base}/shelter`);
    const upload = page.locator('form[aria-labelledby="upload-heading"]');
    await upload.getByRole('button', { name: 'Controleren' }).click();
    await expectDutchFieldErrors(upload, ['upload-file']);

    const refusal = page.locator('form[aria-labelledby="refusal-heading"]');
    await refusal.getByLabel('Datum', { exact: true }).fill('');
    await refusal.getByRole('button', { name: 'Opslaan' }).click();
    await expectDutchFieldErrors(refusal, [
      'refusal-caseRef',
      'refusal-targetGroup',
      'refusal-refusedOn',
      'refusal-reason',
      'refusal-alternative',
    ]);
    // An onward referral needs the agency, chosen by name: an empty choice is named too.
    await refusal.getByLabel('Alternatief').selectOption('ONWARD_REFERRAL');
    await refusal.getByRole('button', { name: 'Opslaan' }).click();
    await expectDutchFieldErrors(refusal, ['refusal-alternativeAgencyId']);
    // A case number that is a name: the API's refusal, in Dutch, at the field.
    await refusal.getByLabel('Dossiernummer').fill('Jan de Vries');
    await refusal.getByLabel('Doelgroep').selectOption('FAMILIES');
    await refusal.getByLabel('Datum', { exact: true }).fill('2026-01-05');
    await refusal.getByLabel('Reden').selectOption('NO_CAPACITY');
    await refusal.getByLabel('Alternatief').selectOption('NONE');
    await refusal.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => refusal.locator('#refusal-caseRef-error').textContent()).toMatch(/Nooit een naam/);
    await refusal.screenshot({ path: `${artifacts}forms-refusal-api.png` });

    const capacity = page.locator('form[aria-labelledby="capacity-heading"]');
    await capacity.getByRole('button', { name: 'Opslaan' }).click();
    await expectDutchFieldErrors(capacity, ['capacity-unitKind', 'capacity-targetGroup', 'capacity-capacity']);
    await page.close();
  });

  it('new account: an empty submit names the fields; a short password is said in Dutch at the field', async () => {
    const page = await web.signIn('admin');
    const form = page.locator('form[aria-labelledby="new-account-heading"]');
    await form.waitFor();
    await form.getByRole('button', { name: 'Gebruiker maken' }).click();
    await expectDutchFieldErrors(form, ['new-account-username', 'new-account-password', 'new-account-role']);
    await form.getByLabel('Gebruikersnaam').fill('beleid.twee');
    await form.getByLabel('Wachtwoord').fill('kort');
    await form.getByLabel('Rol', { exact: true }).selectOption('POLICY_MAKER');
    await form.getByRole('button', { name: 'Gebruiker maken' }).click();
    await expect.poll(() => form.locator('#new-account-password-error').textContent()).toBe('Gebruik minstens 12 tekens.');
    await form.screenshot({ path: `${artifacts}forms-new-account.png` });
    await page.close();
  });

  it('gives every page its own title, moves focus to the heading after a navigation and marks the current menu item', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    const titles = new Set<string>();
    for (const item of ['Knelpunten', 'Huishoudens', 'Ketenkaart', 'Opvangcijfers', 'Start']) {
      const link = page.getByRole('navigation').getByRole('link', { name: item, exact: true });
      await link.click();
      await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      // The title follows the heading once the page's data are in (a region's name, say).
      await expect
        .poll(() => page.evaluate(() => `${document.activeElement?.textContent ?? ''} · Ketenkaart` === document.title), {
          timeout: 10_000,
        })
        .toBe(true);
      titles.add(await page.title());
      await expect(page.getByRole('navigation').locator('[aria-current="page"]').count()).resolves.toBe(1);
    }
    expect(titles.size).toBe(5);
    await page.close();
  });

  it('keeps <html lang> in step with the language, also after a reload in English', async () => {
    const page = await web.signIn('admin');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Access to data' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.title()).resolves.toMatch(/· Ketenkaart$/);
    await page.screenshot({ path: `${artifacts}admin-en.png`, fullPage: true });
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await page.close();
  });
});
