// The working day in a real browser: each role acts on the top item of its worklist and sees it leave; a worker
// accepts and refuses incoming referrals and the sender sees both answers; a refused worker asks for access.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@ketenkaart/seed';
import { gql } from '../support/store.js';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';

const LOGIN = `mutation($username: String!, $password: String!) { login(username: $username, password: $password) { ... on Session { token } } }`;
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename ... on Household { id } ... on Error { code message } } }`;
const SEND_REFERRAL = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { __typename ... on Referral { id } ... on Error { code message } } }`;
const RECORD_EVENT = `mutation($input: RecordEventInput!) { recordEvent(input: $input) { __typename ... on HouseholdEvent { id } ... on Error { code message } } }`;

describe('worklist in the browser', () => {
  let web: WebApp;
  let coordinator: Record<string, string>;

  /** Facts the day starts from, recorded through the API by the region's coordinator. Old dates put them on top. */
  async function record(query: string, input: Record<string, unknown>) {
    const { data, errors } = await gql(web.app, query, { input }, coordinator);
    const result = Object.values(data ?? {})[0] as { __typename: string; id?: string; message?: string } | undefined;
    if (errors || !result?.id) throw new Error(`setup failed: ${JSON.stringify(errors ?? result)}`);
    return result.id;
  }

  async function household(reference: string, consentFor: string[]) {
    return record(REGISTER, {
      reference,
      centrumgemeenteId: 'amsterdam',
      landlordType: 'CORPORATION',
      members: [{ label: 'ouder 1', birthYear: 1988, role: 'PARENT', from: '2015-01-01', compositionSource: 'CORPORATION' }],
      consent: consentFor.length
        ? {
            purpose: 'CHAIN_COORDINATION',
            method: 'IN_PERSON_SIGNED',
            recipientAgencyIds: consentFor,
            from: '2019-01-01',
            to: '2099-12-31',
          }
        : null,
    });
  }

  /** The rows of the worklist table, and the top one. */
  const rows = (page: Page) => page.locator('section[aria-labelledby="worklist-heading"] tbody tr[data-kind]');

  async function actOnTop(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) {
    const top = rows(page).first();
    const reference = (await top.locator('td').first().textContent())!;
    const item = (await top.getAttribute('data-item'))!;
    await top.getByRole('button', { name: action }).click();
    const form = page.locator('section[aria-labelledby="worklist-heading"] form');
    await fill(form);
    await expect.poll(() => page.locator(`tr[data-item="${item}"]`).count()).toBe(0);
    return reference;
  }

  beforeAll(async () => {
    web = await startWebApp();
    const { data } = await gql(web.app, LOGIN, { username: 'coordinator.amsterdam', password: DEMO_PASSWORD });
    coordinator = { authorization: `Bearer ${data.login.token}` };
    const referred = await household('E2E-VERWIJZING', ['ams-som', 'ams-ggd-vangnet-advies']);
    for (const sentOn of ['2019-03-01', '2019-03-02']) {
      await record(SEND_REFERRAL, {
        householdId: referred,
        fromAgencyId: 'ams-som',
        toAgencyId: 'ams-ggd-vangnet-advies',
        purpose: 'Huisbezoek na signaal huurachterstand',
        sentOn,
        respondWithinDays: 1,
      });
    }
    const applied = await household('E2E-AANMELDING', []);
    await record(RECORD_EVENT, {
      householdId: applied,
      kind: 'SHELTER_APPLICATION',
      occurredOn: '2019-03-01',
      facilityId: 'ams-alexandria',
    });
    await household('E2E-GEEN-RELATIE', []);
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it('shows each role its worklist with counts, and keeps filter and order in the URL', async () => {
    for (const username of ['coordinator.amsterdam', 'worker.vangnet', 'shelter.hvo']) {
      const page = await web.signIn(username);
      await page.getByRole('heading', { level: 3, name: 'Werkvoorraad' }).waitFor();
      await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${artifacts}worklist-${username}.png`, fullPage: true });
      await page.getByLabel('Volgorde').selectOption('SEVERITY');
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('SEVERITY');
      await page.reload();
      await expect(page.getByLabel('Volgorde').inputValue()).resolves.toBe('SEVERITY');
      await page.close();
    }
  });

  it('lets a worker accept and refuse incoming referrals, each leaving the list, and the sender sees both answers', async () => {
    const worker = await web.signIn('worker.vangnet');
    await worker.goto(`${web.base}/?kind=REFERRAL_AWAITING_ANSWER`);
    await expect.poll(() => rows(worker).count()).toBeGreaterThan(1);
    await expect(rows(worker).first().textContent()).resolves.toContain('E2E-VERWIJZING');
    const accepted = await actOnTop(worker, 'Beantwoorden', async (form) => {
      // No answer is chosen for the worker: sending without one is stopped at that field, and nothing is accepted.
      await expect(form.getByLabel('Uw antwoord').inputValue()).resolves.toBe('');
      await form.getByRole('button', { name: 'Versturen' }).click();
      await form.getByRole('link', { name: /Uw antwoord/ }).waitFor();
      await form.getByLabel('Uw antwoord').selectOption('ACCEPT');
      await form.getByRole('button', { name: 'Versturen' }).click();
    });
    expect(accepted).toBe('E2E-VERWIJZING');
    await expect(rows(worker).first().textContent()).resolves.toContain('E2E-VERWIJZING');
    await actOnTop(worker, 'Beantwoorden', async (form) => {
      await form.getByLabel('Uw antwoord').selectOption('REFUSE');
      // A refusal without its reason and alternative is stopped at those fields, in Dutch.
      await form.getByRole('button', { name: 'Versturen' }).click();
      for (const field of ['Reden', 'Geboden alternatief']) {
        const control = form.getByLabel(field);
        await expect(control.getAttribute('aria-invalid'), field).resolves.toBe('true');
        const errorId = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
        await expect(form.locator(`[id="${errorId}"]`).textContent(), field).resolves.toBe('Vul dit in.');
      }
      await expect(form.locator('.kk-error-summary').textContent()).resolves.toMatch(/Niet alles is goed ingevuld/);
      await form.getByLabel('Reden').selectOption('NO_CAPACITY');
      await form.getByLabel('Geboden alternatief').fill('Schuldhulp via het sociaal team');
      await form.getByRole('button', { name: 'Versturen' }).click();
    });
    await worker.close();

    const sender = await web.signIn('worker.som');
    await sender.goto(`${web.base}/?kind=REFERRAL_ANSWERED`);
    const answers = rows(sender).filter({ hasText: 'E2E-VERWIJZING' });
    await expect.poll(() => answers.count()).toBe(2);
    const texts = (await answers.allTextContents()).join('\n');
    expect(texts).toContain('heeft uw verwijzing aangenomen');
    expect(texts).toContain('heeft uw verwijzing geweigerd');
    expect(texts).toContain('Geboden alternatief: Schuldhulp via het sociaal team');
    await sender.screenshot({ path: `${artifacts}worklist-sender-answers.png`, fullPage: true });
    await sender.close();
  });

  it('lets shelter staff record the outcome of the top application, which then leaves the list', async () => {
    const page = await web.signIn('shelter.hvo');
    await page.goto(`${web.base}/?kind=SHELTER_APPLICATION`);
    await expect(rows(page).first().textContent()).resolves.toContain('E2E-AANMELDING');
    await actOnTop(page, 'Uitkomst vastleggen', async (form) => {
      await form.getByLabel('Soort stap').selectOption('PLACEMENT');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
    });
    await page.close();
  });

  it('lets a refused worker ask for access, and the coordinator grant it from the top of the worklist', async () => {
    const worker = await web.signIn('worker.som');
    const { data } = await gql(
      web.app,
      `query { households(reference: "E2E-GEEN-RELATIE", first: 1) { edges { node { id } } } }`,
      {},
      coordinator,
    );
    const householdId = data.households.edges[0].node.id;
    await worker.goto(`${web.base}/households/${householdId}`);
    await worker.getByRole('heading', { name: 'Toegang vragen' }).waitFor();
    await worker.getByLabel('Waarom heeft u toegang nodig?').fill('Gezin meldt zich bij ons loket met een dreigende ontruiming');
    await worker.getByRole('button', { name: 'Verzoek versturen' }).click();
    await worker.getByText('Uw verzoek is verstuurd').waitFor();

    const page = await web.signIn('coordinator.amsterdam');
    await page.goto(`${web.base}/?kind=ACCESS_REQUEST`);
    await expect(rows(page).first().textContent()).resolves.toContain('E2E-GEEN-RELATIE');
    await actOnTop(page, 'Beslissen', async (form) => {
      await form.getByLabel('Hoe lang').selectOption('4');
      await form.getByRole('button', { name: 'Toegang geven' }).click();
    });
    await page.close();

    await worker.reload();
    await worker.getByRole('heading', { name: /Traject van huishouden E2E-GEEN-RELATIE/ }).waitFor();
    await worker.close();
  });
});
