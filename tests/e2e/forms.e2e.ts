// Forms and pages as a person meets them, in Chromium: an empty submit names every missing field in Dutch, next to
// the field and in a summary at the top, without field codes; each page has its own title; focus moves to the
// page's heading after a navigation; <html lang> follows the language, also after a reload.
import { writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as signInToApi } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, householdInput } from '../support/operations.js';
import { gql } from '../support/store.js';
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

  it('shelter forms say what is right: a negative count must be 0 or more, dates are named in words, a needed agency is not "optional"', async () => {
    const page = await web.signIn('shelter.hvo');
    await page.goto(`${web.base}/shelter`);
    const capacity = page.locator('form[aria-labelledby="capacity-heading"]');
    await capacity.getByLabel('Soort plek').selectOption('PLACES');
    await capacity.getByLabel('Doelgroep').selectOption('FAMILIES');
    await capacity.getByLabel('Aantal').fill('-3');
    await capacity.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => capacity.locator('#capacity-capacity-error').textContent()).toBe('Vul 0 of een hoger getal in.');
    await capacity.getByLabel('Aantal').fill('5');
    await capacity.getByLabel('Van').fill('2026-03-10');
    await capacity.getByLabel('Tot en met').fill('2026-03-01');
    await capacity.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => capacity.locator('#capacity-periodEnd-error').textContent())
      .toBe('Deze datum ligt vóór de eerste dag van de periode. Kies een latere datum.');
    await expectDutchFieldErrors(capacity, ['capacity-periodEnd']);
    await capacity.screenshot({ path: `${artifacts}forms-capacity-dates.png` });

    // An onward referral needs its agency: neither the choice nor its search box says "optional".
    const refusal = page.locator('form[aria-labelledby="refusal-heading"]');
    await refusal.getByLabel('Alternatief').selectOption('ONWARD_REFERRAL');
    await expect(refusal.locator('label[for="refusal-alternativeAgencyId-search"]').textContent()).resolves.not.toMatch(/niet verplicht/);
    await expect(refusal.locator('label[for="refusal-alternativeAgencyId"]').textContent()).resolves.toBe('Doorverwezen naar');
    await refusal.getByRole('button', { name: 'Opslaan' }).click();
    await expectDutchFieldErrors(refusal, ['refusal-alternativeAgencyId']);
    await page.close();

    const admin = await web.signIn('admin');
    const account = admin.locator('form[aria-labelledby="new-account-heading"]');
    await account.getByLabel('Rol', { exact: true }).selectOption('AGENCY_WORKER');
    await expect(account.locator('label[for="new-account-agencyId-search"]').textContent()).resolves.not.toMatch(/niet verplicht/);
    await expect(account.locator('label[for="new-account-agencyId"]').textContent()).resolves.not.toMatch(/niet verplicht/);
    await admin.close();
  });

  it("shelter occupancy by form: the API's rule at the field, then saved and the figures follow without a reload", async () => {
    const page = await web.signIn('shelter.hvo');
    await page.goto(`${web.base}/shelter`);
    await page.getByRole('heading', { name: 'Bezetting en plekken, afgelopen 90 dagen' }).waitFor();
    const form = page.locator('form[aria-labelledby="occupancy-heading"]');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expectDutchFieldErrors(form, ['occupancy-unitKind', 'occupancy-targetGroup', 'occupancy-occupied', 'occupancy-available']);
    await form.getByLabel('Soort plek').selectOption('FAMILY_UNITS');
    await form.getByLabel('Doelgroep').selectOption('FAMILIES');
    await form.getByLabel('Bezet').fill('-3');
    await form.getByLabel('Beschikbaar').fill('2');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // Said by the API, with the rule an occupancy file row meets.
    await expect.poll(() => form.locator('#occupancy-occupied-error').textContent()).toBe('Vul 0 of een hoger getal in.');
    await form.getByLabel('Bezet').fill('7');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Opgeslagen.', { exact: true }).waitFor();
    await page.getByRole('img', { name: /gezinsunits, gezinnen van .* op de laatste dag 7 bezet/ }).waitFor();
    await page.screenshot({ path: `${artifacts}shelter-occupancy-form.png`, fullPage: true });
    await page.close();
  });

  it('shelter upload: the result of a check and of a save takes the focus and is announced', async () => {
    const file = `${artifacts}capacity-focus.csv`;
    writeFileSync(
      file,
      [
        'facility_id,unit_kind,target_group,period_start,period_end,capacity,note',
        'ams-alexandria,PLACES,FAMILIES,2026-01-01,2026-01-31,4,',
      ].join('\n'),
    );
    const page = await web.signIn('shelter.hvo');
    await page.goto(`${web.base}/shelter`);
    const upload = page.locator('form[aria-labelledby="upload-heading"]');
    await upload.getByLabel('Soort bestand').selectOption('capacity');
    await upload.getByLabel('Bestand', { exact: true }).setInputFiles(file);
    await upload.getByRole('button', { name: 'Controleren' }).click();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toMatch(/^Uitkomst van de controle1 regels gecontroleerd/);
    await expect(page.evaluate(() => document.activeElement?.querySelector('[role="status"]') !== null)).resolves.toBe(true);
    await upload.getByLabel('Alleen controleren, nog niets opslaan').uncheck();
    await upload.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(focused).toMatch(/^Uitkomst van het opslaanOpgeslagen: 1 nieuw/);
    await page.close();
  });

  it('shelter waiting list: the page counts what the worklist counts for the facility, and says what its own register counts', async () => {
    // A family a chain worker put on the facility's waiting list 40 days ago, recorded on its trajectory only.
    const coordinator = await signInToApi(web.app, web.executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    const registered = await gql(web.app, REGISTER, { input: householdInput({ reference: 'AMS-E2E-WAITING' }) }, coordinator.headers);
    const entry = {
      householdId: registered.data.registerHousehold.id,
      kind: 'WAITING_LIST_ENTRY',
      occurredOn: new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10),
      facilityId: 'ams-roggeveen-24uur',
      agencyId: 'ams-hvo-querido',
    };
    expect((await gql(web.app, RECORD_EVENT, { input: entry }, coordinator.headers)).data.recordEvent.__typename).toBe('HouseholdEvent');
    const page = await web.signIn('shelter.hvo');
    const entries = page.locator('tr[data-kind="WAITING_LIST_ENTRY"]');
    await entries.first().waitFor();
    const texts = await entries.allTextContents();
    const facility = /Wachtlijst zonder uitkomst(.+?), sinds/.exec(texts[0]!)![1]!.trim();
    const atFacility = texts.filter((text) => text.includes(`${facility}, sinds`)).length;
    await page.getByRole('link', { name: 'Opvang melden' }).click();
    await page.getByLabel('Voorziening', { exact: true }).selectOption({ label: facility });
    const onHouseholds = page.getByTestId('waiting-on-households');
    await expect
      .poll(() => onHouseholds.textContent())
      .toMatch(new RegExp(`^In de trajecten in Ketenkaart (staat ${atFacility} gezin|staan ${atFacility} gezinnen) zonder uitkomst`));
    await expect(page.getByTestId('waiting-register').textContent()).resolves.toMatch(/^Uw eigen wachtlijst, zoals u die hier meldt/);
    // A wait nobody can know yet is said in a sentence, never "onbekend" where the days would be.
    await expect(page.getByTestId('waiting-register').textContent()).resolves.not.toMatch(/onbekend|\b1 gezinnen\b/);
    await page.screenshot({ path: `${artifacts}shelter-waiting-list.png`, fullPage: true });
    // The link leads to those entries in the worklist.
    await onHouseholds.getByRole('link', { name: 'werkvoorraad' }).click();
    await expect.poll(() => page.url()).toMatch(/kind=WAITING_LIST_ENTRY/);
    await expect.poll(() => entries.count()).toBe(texts.length);
    await expect(page.locator('tr[data-kind]:not([data-kind="WAITING_LIST_ENTRY"])').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${web.base}/shelter`);
    await page.getByLabel('Facility').selectOption({ label: facility });
    await expect.poll(() => onHouseholds.textContent()).toMatch(/^On the trajectories in Ketenkaart/);
    await page.screenshot({ path: `${artifacts}shelter-waiting-list-en.png`, fullPage: true });
    await page.close();
  });

  it('shelter page on a phone: three parts under their own headings, set apart, and nothing scrolls sideways at 390 px', async () => {
    const page = await web.signIn('shelter.hvo', { width: 390, height: 844 });
    await page.getByRole('link', { name: 'Opvang melden' }).click();
    // A refusal saved by form, so that the overview has a table to fit.
    const refusalForm = page.locator('form[aria-labelledby="refusal-heading"]');
    await refusalForm.getByLabel('Dossiernummer').fill('HVO-E2E-PHONE-2026-000001');
    await refusalForm.getByLabel('Doelgroep').selectOption('FAMILIES');
    await refusalForm.getByLabel('Reden').selectOption('NO_CAPACITY');
    await refusalForm.getByLabel('Alternatief').selectOption('NONE');
    await refusalForm.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Gemelde weigeringen' }).getByText('HVO-E2E-PHONE-2026-000001').waitFor();

    const parts = ['Hoe het er nu voor staat', 'Bestand uploaden', 'Eén melding tegelijk'];
    for (const name of parts) await page.getByRole('heading', { level: 3, name }).waitFor();
    // Headings go down one level at a time: h2 (the page), h3 (a part), h4 (a block within it).
    const levels = await page
      .locator('main')
      .evaluate((main) => [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    // One form's button and the next form's heading stand apart (the design tokens' distance between strangers, 32 px).
    const saveRefusal = await refusalForm.getByRole('button', { name: 'Opslaan' }).boundingBox();
    const nextHeading = await page.getByRole('heading', { level: 4, name: 'Plekken melden' }).boundingBox();
    expect(nextHeading!.y - (saveRefusal!.y + saveRefusal!.height)).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: `${artifacts}shelter-390.png`, fullPage: true });
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
