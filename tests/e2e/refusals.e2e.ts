// Refusals as a person meets them, in Chromium: a page one may not see has its own title, the focus on its heading
// and the reason in plain Dutch (or English) from the API's reason code, never the API's English or an id; the
// access request and the break-glass review name their problems at the field; a too short search is said at the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@ketenkaart/seed';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';

/** What a refusal must never show: the API's English, ids and codes. */
const LEAKS =
  /\bno active care relation\b|\bhousehold\b|\bagency\b|\bpolicy makers\b|ams-|hh_|acc_|ar_|[A-Z]+_[A-Z]+|Kenmerk voor de helpdesk/;

describe('refusals', () => {
  let web: WebApp;
  let refusedId: string;
  let refusedReference: string;
  const api = async (query: string, variables: object, token?: string) => {
    const response = await fetch(`${web.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()).data;
  };
  const token = async (username: string) =>
    (
      await api(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on Session { token } } }`, {
        u: username,
        p: DEMO_PASSWORD,
      })
    ).login.token as string;

  beforeAll(async () => {
    web = await startWebApp();
    // An Amsterdam household neither the worker of Vangnet nor the shelter staff of HVO have a relation with.
    const coordinator = await token('coordinator.amsterdam');
    const outsiders = [await token('worker.vangnet'), await token('shelter.hvo')];
    const households = (await api(`{ households(first: 50) { edges { node { id reference } } } }`, {}, coordinator)).households.edges.map(
      (e: { node: { id: string; reference: string } }) => e.node,
    );
    const REASON = `query($id: ID!) { household(id: $id) { ... on ForbiddenError { reasonCode } } }`;
    for (const h of households) {
      const reasons = await Promise.all(outsiders.map(async (t) => (await api(REASON, { id: h.id }, t)).household.reasonCode));
      if (reasons[0] === 'NO_CARE_RELATION' && reasons[1] === 'NO_SHELTER_RELATION') {
        refusedId = h.id;
        refusedReference = h.reference;
        break;
      }
    }
    expect(refusedId).toBeDefined();
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it('says why in plain words, with a title and the focus on the heading, for each role refused a household', async () => {
    const cases = [
      ['worker.vangnet', /Uw organisatie werkt nu niet met dit gezin/],
      ['shelter.hvo', /geen aanmelding, plek op de wachtlijst, weigering of plaatsing bij uw opvang/],
      ['coordinator.utrecht', /andere regio dan de uwe/],
      ['policy', /alleen cijfers over groepen/],
    ] as const;
    for (const [username, reason] of cases) {
      const page = await web.signIn(username);
      await page.goto(`${web.base}/households/${refusedId}`);
      const refusal = page.getByTestId('refusal');
      await refusal.waitFor();
      const text = await refusal.innerText();
      expect(text, username).toMatch(reason);
      expect(
        text
          .split('\n')
          .filter((line) => !/Waarom heeft u toegang nodig|Minstens 20 tekens/.test(line))
          .join('\n'),
        username,
      ).not.toMatch(LEAKS);
      await expect(page.title(), username).resolves.toBe('Geen toegang · Ketenkaart');
      await expect(
        page.evaluate(() => document.activeElement?.id),
        username,
      ).resolves.toBe('refusal-heading');
      // The way to ask for access stays where it was: for workers and shelter staff.
      await expect(page.getByRole('button', { name: 'Verzoek versturen' }).count(), username).resolves.toBe(
        username === 'worker.vangnet' || username === 'shelter.hvo' ? 1 : 0,
      );
      await page.screenshot({ path: `${artifacts}refusal-${username}.png`, fullPage: true });
      await page.close();
    }
    const english = await web.signIn('worker.vangnet');
    await english.getByRole('button', { name: 'English' }).click();
    await english.goto(`${web.base}/households/${refusedId}`);
    await english.getByTestId('refusal').waitFor();
    await expect(english.getByTestId('refusal').innerText()).resolves.toMatch(/Your organisation is not working with this family now/);
    await expect(english.title()).resolves.toBe('No access · Ketenkaart');
    await english.close();
  });

  it('names an empty or short reason for access at its field, with the summary', async () => {
    const page = await web.signIn('worker.vangnet');
    await page.goto(`${web.base}/households/${refusedId}`);
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    const summary = page.locator('.kk-error-summary');
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toMatch(/Waarom heeft u toegang nodig\?: Vul dit in/);
    await expect(page.locator('#access-request-reason').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#access-request-reason-error').innerText()).resolves.toMatch(/Vul dit in/);
    await page.getByLabel('Waarom heeft u toegang nodig?').fill('te kort');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await expect.poll(() => page.locator('#access-request-reason-error').innerText()).toMatch(/minstens 20 tekens/);
    await expect(page.getByText('is required').count()).resolves.toBe(0);
    await page.screenshot({ path: `${artifacts}refusal-access-request-short.png`, fullPage: true });
    await page.close();
  });

  it('names a search of two characters at the field, without a helpdesk code or a "nothing found"', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await page.goto(`${web.base}/households?q=ab`);
    await page.getByText('Typ minstens 3 tekens').waitFor();
    await expect(page.getByText(/Kenmerk voor de helpdesk|Geen huishoudens gevonden|Niet alle gegevens kloppen/).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Type at least 3 characters').waitFor();
    await page.close();
  });

  it('shows a grant on request by name and reason, asks a note before a review, and confirms it', async () => {
    const worker = await token('worker.vangnet');
    const coordinator = await token('coordinator.amsterdam');
    const reason = 'Gezin meldt zich bij ons, wij willen de verwijzing nakijken.';
    const request = (
      await api(
        `mutation($id: ID!, $r: String!) { requestAccess(householdId: $id, reason: $r) { ... on AccessRequest { id } } }`,
        { id: refusedId, r: reason },
        worker,
      )
    ).requestAccess;
    await api(`mutation($id: ID!) { decideAccessRequest(id: $id, grant: true) { __typename } }`, { id: request.id }, coordinator);

    const page = await web.signIn('coordinator.amsterdam');
    await page.goto(`${web.base}/break-glass`);
    await expect.poll(() => page.title()).toBe('Noodtoegang (break-glass) beoordelen · Ketenkaart');
    const row = page.getByRole('row').filter({ hasText: refusedReference });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/worker\.vangnet/);
    expect(text).toMatch(/Toegang op verzoek, toegekend door coordinator\.amsterdam/);
    expect(text).toContain(reason);
    expect(text).not.toMatch(/acc_|ar_|access request|granted by/);

    await row.getByRole('button', { name: `Zet noodtoegang tot ${refusedReference} op beoordeeld` }).click();
    const note = page.getByLabel(`Notitie bij de beoordeling van ${refusedReference}`);
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(await note.getAttribute('id'));
    await expect(row.innerText()).resolves.toMatch(/Schrijf kort wat u bij de beoordeling vond/);
    await page.screenshot({ path: `${artifacts}refusal-review-no-note.png`, fullPage: true });

    await note.fill('Besproken met de medewerker');
    await row.getByRole('button', { name: `Zet noodtoegang tot ${refusedReference} op beoordeeld` }).click();
    await page.getByText(`De noodtoegang tot ${refusedReference} staat op beoordeeld.`).waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('review-done');

    // From the menu, the page names itself, and so does the family summary.
    await page.getByRole('link', { name: 'Knelpunten' }).click();
    await page.getByRole('link', { name: 'Noodtoegang' }).click();
    await expect.poll(() => page.title()).toBe('Noodtoegang (break-glass) beoordelen · Ketenkaart');
    await page.goto(`${web.base}/households/${refusedId}/summary`);
    await expect.poll(() => page.title()).toBe(`Samenvatting voor het gezin: ${refusedReference} · Ketenkaart`);
    await page.close();
  });
});
