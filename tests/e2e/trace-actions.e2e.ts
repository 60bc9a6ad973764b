// The trace's change actions in a real browser: none under temporary access, a step recorded once per choice, a form
// that opens where it was asked for with focus on it, and a page that fits a 390 px phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '@ketenkaart/api';
import { DEMO_PASSWORD } from '@ketenkaart/seed';
import { REGISTER, householdInput } from '../support/operations.js';
import { gql } from '../support/store.js';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';

const BREAK_GLASS = `mutation($id: ID!, $reason: String!) { breakGlassAccess(householdId: $id, reason: $reason) { __typename ... on Error { message } } }`;
const LOGIN = `mutation($username: String!, $password: String!) { login(username: $username, password: $password) { ... on Session { token } } }`;
const CHANGE_BUTTONS = /^(Regie nemen|Regie overdragen|Doorverwijzen|Vastleggen|Andere stap vastleggen|.* vastleggen.*)$/;

describe('trace actions', () => {
  let web: WebApp;
  let householdId: string;
  const reference = 'E2E-MEEKIJKEN';
  /** A seeded household far along the chain: a long page, with a stage to take regie at. */
  let seeded: { id: string; reference: string };

  const bearer = async (username: string) => {
    const { data } = await gql(web.app, LOGIN, { username, password: DEMO_PASSWORD });
    return { authorization: `Bearer ${data.login.token}` };
  };

  beforeAll(async () => {
    web = await startWebApp();
    const repos = createRepositories(web.executor);
    const [gap] = (await repos.gaps.findings({ cityIds: ['amsterdam'], ruleIds: ['FEEDBACK_INTERIM_MISSING'] }, 1, null)).items;
    if (!gap) throw new Error('the synthetic families should have an Amsterdam household without an interim report');
    seeded = (await repos.households.householdsByIds([gap.householdId]))[0]!;
    const coordinator = await bearer('coordinator.amsterdam');
    // No consent naming Vangnet: the worker reads it only under break-glass.
    const { data } = await gql(web.app, REGISTER, { input: householdInput({ reference, consent: null }) }, coordinator);
    householdId = data.registerHousehold.id;
    const grant = await gql(
      web.app,
      BREAK_GLASS,
      { id: householdId, reason: 'Ontruiming vandaag, kinderen in huis, geen opvang bekend' },
      await bearer('worker.vangnet'),
    );
    if (grant.data.breakGlassAccess.__typename === 'ForbiddenError') throw new Error(JSON.stringify(grant));
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  const openTrace = async (page: Page, household = { id: householdId, reference }) => {
    await page.goto(`${web.base}/households/${household.id}`);
    await page.getByRole('heading', { level: 2, name: `Traject van huishouden ${household.reference}` }).waitFor();
  };
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('offers nothing that changes data under temporary access, and says why, in Dutch and English', async () => {
    const page = await web.signIn('worker.vangnet');
    await openTrace(page);
    await page.getByTestId('trace-read-only').getByText('U kijkt mee met tijdelijke toegang: u kunt hier niets wijzigen').waitFor();
    expect(await page.getByRole('button', { name: CHANGE_BUTTONS }).count()).toBe(0);
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: `${artifacts}trace-read-only.png`, fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('trace-read-only').getByText('You are looking with temporary access: you cannot change anything here').waitFor();
    await page.close();
  });

  it('asks for the kind of step, records it once, and empties the form after saving', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await openTrace(page);
    expect(await page.getByTestId('trace-read-only').count()).toBe(0);
    const form = page.locator('#form-record');
    await expect(form.getByLabel('Soort stap').inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await form.getByRole('link', { name: /Soort stap/ }).waitFor();

    const contacts = page.locator('table').filter({ hasText: 'Dagen sinds vorige stap' }).locator('tbody tr', { hasText: 'Contact' });
    const before = await contacts.count();
    await form.getByLabel('Soort stap').selectOption('CONTACT');
    await form.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await form.getByRole('status').getByText('De stap is vastgelegd.').waitFor();
    await expect.poll(() => contacts.count()).toBe(before + 1);
    await expect(form.getByLabel('Soort stap').inputValue()).resolves.toBe('');
    // A second click on the same button records nothing: it asks for the kind again.
    await form.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await form.getByRole('link', { name: /Soort stap/ }).waitFor();
    expect(await contacts.count()).toBe(before + 1);
    await page.close();
  });

  it('opens a chosen form right below its button and moves focus to it', async () => {
    const page = await web.signIn('coordinator.amsterdam', { width: 1280, height: 700 });
    await openTrace(page, seeded);
    const button = page.getByRole('button', { name: 'Regie nemen' });
    const buttonBox = (await button.boundingBox())!;
    await button.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('regie-heading');
    const heading = (await page.locator('#regie-heading').boundingBox())!;
    // Below the choice it came from, and scrolled into view.
    expect(heading.y + (await page.evaluate(() => window.scrollY))).toBeGreaterThan(buttonBox.y);
    expect(heading.y).toBeGreaterThanOrEqual(0);
    expect(heading.y + heading.height).toBeLessThanOrEqual(700);
    await page.close();
  });

  it('fits a 390 px wide screen without scrolling sideways', async () => {
    for (const [username, household] of [
      ['coordinator.amsterdam', seeded],
      ['worker.vangnet', { id: householdId, reference }],
    ] as const) {
      const page = await web.signIn(username, { width: 390, height: 844 });
      await openTrace(page, household);
      await page.getByRole('heading', { level: 3, name: 'Gezinsleden' }).waitFor();
      await expect.poll(() => fitsWidth(page)).toBe(true);
      await page.screenshot({ path: `${artifacts}trace-390-${username}.png`, fullPage: true });
      await page.close();
    }
  });

  it('fits the family summary, the chain map and the shelter home to 390 px too: wide tables scroll in their own box', async () => {
    for (const [username, path, heading] of [
      ['coordinator.amsterdam', `/households/${seeded.id}/summary`, /^Samenvatting voor het gezin/],
      ['policy', '/chain/amsterdam', /^Ketenkaart Amsterdam$/],
      ['shelter.hvo', '/', /^Uw voorzieningen$/],
    ] as const) {
      const page = await web.signIn(username, { width: 390, height: 844 });
      await page.goto(`${web.base}${path}`);
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await page.locator('main table').first().waitFor();
      await expect.poll(() => fitsWidth(page)).toBe(true);
      await page.close();
    }
  });
});
