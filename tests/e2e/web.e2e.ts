// The web app in a real browser (Chromium via Playwright) against the real server on a seeded store.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '@ketenkaart/schema';
import { DEMO_PASSWORD } from '@ketenkaart/seed';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';

const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

describe('web app', () => {
  let web: WebApp;
  let browser: Browser;
  let base: string;
  let signIn: WebApp['signIn'];

  beforeAll(async () => {
    web = await startWebApp();
    ({ browser, base, signIn } = web);
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it.each([
    ['coordinator.amsterdam', 'Knelpunten in uw regio'],
    ['worker.som', 'Uw huishoudens'],
    ['shelter.hvo', 'Uw voorzieningen'],
    ['policy', 'Steden vergelijken'],
    ['admin', 'Toegangslog'],
  ])('signs in as %s and opens the home page of that role', async (username, heading) => {
    const page = await signIn(username);
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(heading);
    await page.screenshot({ path: `${artifacts}home-${username}.png`, fullPage: true });
    await page.close();
  });

  it('refuses a wrong password with a clear message', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Gebruikersnaam').fill('coordinator.amsterdam');
    await page.getByLabel('Wachtwoord').fill('not the password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('.kk-error-summary').textContent()).resolves.toMatch(/De gebruikersnaam of het wachtwoord klopt niet/);
    await page.close();
  });

  it('traces a household from a gap: timeline, graph with its evidence, table alternative, and records a next step', async () => {
    const page = await signIn('coordinator.amsterdam');
    // From the gaps list: the link opens the trace with that gap's evidence marked.
    await page.goto(`${base}/gaps`);
    await page.locator('table a').first().click();
    await page.getByRole('heading', { name: /Traject van huishouden SYN-AMS-/ }).waitFor();
    const graph = page.getByTestId('chain-graph');
    await expect.poll(async () => Number(await graph.getAttribute('data-rendered-nodes'))).toBeGreaterThan(3);
    const timelineRows = page.locator('table').filter({ hasText: 'Dagen sinds vorige stap' }).locator('tbody tr');
    expect(await timelineRows.count()).toBeGreaterThan(2);
    expect(await page.locator('tr[data-evidence="true"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}trace-graph.png`, fullPage: true });

    await page.getByRole('button', { name: 'Toon als tabel' }).click();
    await page.getByRole('table', { name: 'Verbindingen in het traject' }).waitFor();
    await page.getByRole('button', { name: 'Toon als netwerk' }).click();

    const before = await timelineRows.count();
    await page.getByLabel('Soort stap').selectOption('FOLLOW_UP_CONTACT');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page.getByText('De stap is vastgelegd.').waitFor();
    await expect.poll(() => timelineRows.count()).toBe(before + 1);

    // A referral from the same page: the coordinator names both agencies, the timeline gains the step.
    await page.getByRole('button', { name: 'Doorverwijzen', exact: true }).click();
    await page.getByLabel('Verwijzende instantie').selectOption({ label: 'Vangnet en Advies (GGD Amsterdam)' });
    await page.getByLabel('Verwijzen naar').selectOption({ label: 'HVO Querido' });
    await page.getByLabel('Wat vraagt u de andere instantie?').fill('Intake voor gezinsopvang');
    await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await page.getByText('De verwijzing is verstuurd.').waitFor();
    await expect.poll(() => timelineRows.count()).toBe(before + 2);
    await page.screenshot({ path: `${artifacts}trace-next-step.png`, fullPage: true });
    await page.close();
  });

  it.each(['amsterdam', 'utrecht', 'leeuwarden', 'oss'])('shows the chain map of %s with its stages and regie', async (city) => {
    const page = await signIn('policy');
    await page.goto(`${base}/chain/${city}`);
    await page.getByRole('heading', { level: 2, name: /^Ketenkaart \w+/ }).waitFor();
    await expect.poll(async () => Number(await page.getByTestId('chain-graph').getAttribute('data-rendered-nodes'))).toBeGreaterThan(3);
    expect(await page.getByRole('table', { name: 'Stappen van het ketenmodel' }).locator('tbody tr').count()).toBeGreaterThan(3);
    await page.getByRole('table', { name: 'Wie had in de praktijk de regie' }).waitFor();
    // What became of early-warning signals, each figure explained with its source.
    await page.getByRole('heading', { level: 3, name: 'Wat er van vroegsignalen terechtkwam' }).waitFor();
    // The term's source in Dutch on a Dutch page, its lines in words (the seed writes it in English).
    await page
      .getByText(/^Termijn: (Vroeg Eropaf: tussenmelding uiterlijk op dag 14 \(onderzoek 2009, regels 736-740\)|Standaard van Ketenkaart)/)
      .waitFor();
    await expect(page.locator('section[aria-labelledby="early-warning-heading"]').textContent()).resolves.not.toMatch(
      /by day|Ketenkaart measure|Ketenkaart default|\bL\d|early-warning|arrangement|reported at|arrears|docs\//,
    );
    // Which signals count, in a Dutch sentence; Oss's arrangement has no name, and the page says so in words.
    await page
      .getByText(
        city === 'oss'
          ? /^Alleen signalen vanaf 2 maanden huurachterstand tellen\. .+ Die afspraak heeft geen naam \(onderzoek 2009, regels 4034-4054/
          : /^(Alleen signalen vanaf \d+ maanden huurachterstand tellen\. Zo staat het in de afspraak .+ \(onderzoek 2009, regels \d|Elk signaal telt)/,
      )
      .waitFor();
    const followUp = page.locator('section[aria-labelledby="early-warning-heading"]');
    expect(await followUp.locator('dd').filter({ hasText: 'Bron: ' }).count()).toBe(6);
    await followUp.screenshot({ path: `${artifacts}chain-follow-up-${city}.png` });
    await page.screenshot({ path: `${artifacts}chain-${city}.png`, fullPage: true });
    await page.close();
  });

  it('shows capacity per source, never one sum, and marks inferred regie holders (issue #16; 002 L2078-2132, L1446-1452)', async () => {
    const page = await signIn('policy');
    const structure = page.getByRole('table', { name: /Hoe de steden hun keten/ });
    await structure.waitFor();
    const capacityRow = structure.getByRole('row', { name: /Opvangcapaciteit/ });
    await expect(capacityRow.textContent()).resolves.toContain('ten minste 114 plaatsen, volgens gemeente, 2008');
    await expect(capacityRow.textContent()).resolves.toContain('ten minste 115 plaatsen, volgens ggz wegwijzer, 2008');
    await expect(capacityRow.textContent()).resolves.toContain('Het onderzoek zelf: ruim 100 plaatsen (gemeente, 2008)');
    await expect(capacityRow.textContent()).resolves.toContain('Gepland, niet meegeteld: 52 plaatsen bij Tussenoord');
    await expect(capacityRow.textContent()).resolves.not.toMatch(/\b281\b/);
    await page.goto(`${base}/chain/amsterdam`);
    const stages = page.getByRole('table', { name: 'Stappen van het ketenmodel' });
    await stages.waitFor();
    await expect(stages.locator('tbody tr').nth(6).textContent()).resolves.toContain(
      'afgeleid door Ketenkaart, niet als regie vermeld in het onderzoek',
    );
    await expect(stages.locator('tbody tr').nth(1).textContent()).resolves.toContain('vermeld in het onderzoek, L1400-1404');
    await page.screenshot({ path: `${artifacts}chain-amsterdam-regie-basis.png`, fullPage: true });
    await page.close();
  });

  it('tells the coordinator on the gaps page when passed deadlines were last checked', async () => {
    const page = await signIn('coordinator.amsterdam');
    await page.goto(`${base}/gaps`);
    const checked = page.getByText(/Verlopen termijnen zijn het laatst gecontroleerd op \d+ \w+ \d{4}/);
    await checked.waitFor();
    expect(await page.getByRole('table', { name: 'Knelpunten' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('compares the cities with small counts suppressed, and works in English on a tablet', async () => {
    const page = await signIn('policy', { width: 820, height: 1180 });
    await page.getByRole('table', { name: /Hoe de steden hun keten/ }).waitFor();
    const suppressed = page.locator('td[data-suppressed="true"]');
    await expect.poll(() => suppressed.count()).toBeGreaterThan(0);
    await expect(suppressed.first().textContent()).resolves.toBe('< 5');
    const outcomesSection = page.locator('section[aria-labelledby="outcomes-heading"]');
    await outcomesSection.getByRole('img', { name: /Staafdiagram/ }).waitFor();
    await outcomesSection.getByRole('button', { name: 'Toon als tabel' }).click();
    const outcomes = page.getByRole('table', { name: 'Uitkomsten per stad (aantal huishoudens)' });
    await outcomes.waitFor();
    const shown = await outcomes.locator('tbody tr').first().locator('td').allTextContents();
    expect(shown).toHaveLength(4);
    // Every count a policy maker sees is suppressed or a multiple of 5.
    for (const value of shown) expect(value === '< 5' || Number(value) % 5 === 0).toBe(true);
    const csvHref = await page.getByRole('link', { name: 'Downloaden als CSV' }).getAttribute('href');
    const csv = await page.request.get(`${base}${csvHref}`);
    expect(csv.status()).toBe(200);
    // The files speak the page's language: Dutch here, in words (no measure codes or file names).
    const dutchCsv = await csv.text();
    expect(dutchCsv.split('\n')[0]).toContain('stad,maat,waarde,status,eenheid,periode,bron,definitie');
    expect(dutchCsv).not.toMatch(/SIGNALS|eropafReports|\.txt/);
    const printable = await page.request.get(`${base}${await page.getByRole('link', { name: /Afdrukbaar/ }).getAttribute('href')}`);
    expect(await printable.text()).toMatch(/<html lang="nl">[\s\S]*<h2>Definities<\/h2>/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Compare cities' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    const englishCsv = await page.request.get(`${base}${await page.getByRole('link', { name: /CSV/ }).getAttribute('href')}`);
    expect((await englishCsv.text()).split('\n')[0]).toContain('city,measure,value,status,unit,period,source,definition');
    await page.screenshot({ path: `${artifacts}compare-en-tablet.png`, fullPage: true });
    await page.close();
  });

  it('lets a shelter check and upload a month of refusals and report one by form; the coordinator sees unmet demand by cause', async () => {
    // Last month as the service counts it, in Amsterdam: in the hour after midnight on the 1st (UTC still the day
    // before) a month taken in UTC is the one before that, and the figures page showed nothing for it.
    const [year, monthOfYear] = dayOf(new Date()).split('-').map(Number) as [number, number];
    const month = new Date(Date.UTC(year, monthOfYear - 2, 1)).toISOString().slice(0, 7);
    const file = `${artifacts}refusals.csv`;
    writeFileSync(
      file,
      [
        'facility_id;case_ref;household_id;target_group;refused_on;reason;alternative;alternative_agency_id;note',
        `ams-roggeveen-crisis;HVO-E2E-1;;FAMILIES;${month}-03;NO_CAPACITY;NONE;;`,
        `ams-roggeveen-crisis;HVO-E2E-2;;TWO_PARENT_FAMILIES;${month}-04;HOUSEHOLD_COMPOSITION;NONE;;`,
        `ams-roggeveen-crisis;Jan Jansen;;FAMILIES;${month}-05;NO_CAPACITY;NONE;;`,
      ].join('\n'),
    );
    const page = await signIn('shelter.hvo');
    await page.getByRole('link', { name: 'Opvang melden' }).click();
    await page.getByRole('heading', { name: 'Bestand uploaden' }).waitFor();
    await page.getByLabel('Soort bestand').selectOption('refusals');
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Controleren' }).click();
    const problems = page.getByRole('table', { name: 'Problemen per regel' });
    await problems.waitFor();
    await expect(problems.locator('tbody tr').first().textContent()).resolves.toMatch(/^4case_ref.*Nooit een naam/);
    await page.screenshot({ path: `${artifacts}shelter-upload-problems.png`, fullPage: true });

    // A corrected file under a new name: Chrome cannot read a chosen file that changed on disk.
    const corrected = `${artifacts}refusals-corrected.csv`;
    writeFileSync(
      corrected,
      [
        'facility_id;case_ref;household_id;target_group;refused_on;reason;alternative;alternative_agency_id;note',
        `ams-roggeveen-crisis;HVO-E2E-1;;FAMILIES;${month}-03;NO_CAPACITY;NONE;;`,
        `ams-roggeveen-crisis;HVO-E2E-2;;TWO_PARENT_FAMILIES;${month}-04;HOUSEHOLD_COMPOSITION;NONE;;`,
      ].join('\n'),
    );
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(corrected);
    await page.getByLabel('Alleen controleren, nog niets opslaan').uncheck();
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByText('Opgeslagen: 2 nieuw, 0 al bekend, 0 vervangen.').waitFor();

    const refusalForm = page.locator('form[aria-labelledby="refusal-heading"]');
    await refusalForm.getByLabel('Dossiernummer').fill('HVO-E2E-3');
    await refusalForm.getByLabel('Doelgroep').selectOption('FAMILIES');
    await refusalForm.getByLabel('Datum', { exact: true }).fill(`${month}-06`);
    await refusalForm.getByLabel('Reden').selectOption('OUTSIDE_REGION');
    await refusalForm.getByLabel('Alternatief').selectOption('OTHER_ALTERNATIVE');
    await refusalForm.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.', { exact: true }).waitFor();

    // Ten days of occupancy for the facility on screen: a chart, and the same numbers as a table.
    const days = Array.from({ length: 10 }, (_, i) => new Date(Date.now() - (10 - i) * 86_400_000).toISOString().slice(0, 10));
    const occupancy = `${artifacts}occupancy.csv`;
    writeFileSync(
      occupancy,
      [
        'facility_id,unit_kind,target_group,date,occupied,available,blocked',
        ...days.map((day, i) => `ams-alexandria,PLACES,WOMEN_WITH_CHILDREN,${day},${10 + i},${10 - i},0`),
      ].join('\n'),
    );
    await page.getByLabel('Soort bestand').selectOption('occupancy');
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(occupancy);
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByText('Opgeslagen: 10 nieuw, 0 al bekend, 0 vervangen.').waitFor();
    await page.reload();
    await page.getByRole('img', { name: /plaatsen, vrouwen met kinderen van .* op de laatste dag 19 bezet/ }).waitFor();
    await page.getByRole('button', { name: 'Toon als tabel' }).click();
    const rows = page.getByRole('table', { name: 'Bezetting per dag: plaatsen, vrouwen met kinderen' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(10);
    await page.screenshot({ path: `${artifacts}shelter-occupancy.png`, fullPage: true });
    await page.close();

    const coordinator = await signIn('coordinator.amsterdam');
    await coordinator.getByRole('link', { name: 'Opvangcijfers' }).click();
    const unmet = coordinator.getByRole('table', { name: 'Geweigerde aanvragen naar oorzaak' });
    await unmet.waitFor();
    const row = (cause: string) => unmet.locator('tr', { hasText: cause }).locator('td').first().textContent();
    await expect.poll(() => row('onbekend: geen plekken gemeld')).toBe('2');
    await expect(row('plek in een andere regio')).resolves.toBe('1');
    // Waiting times nobody can know yet are said in a sentence, never "onbekend" where the days would be.
    const waitingText = await coordinator.getByText(/^Gezinnen op de wachtlijst:/).textContent();
    expect(waitingText).not.toMatch(/onbekend/);
    expect(waitingText).toMatch(/(Nog geen gezin ging van de lijst af|Mediaan tot vertrek van de lijst: \d+ dag)/);
    await coordinator.screenshot({ path: `${artifacts}shelter-figures-coordinator.png`, fullPage: true });
    await coordinator.close();
  });

  it('lets the administrator create a user and switch it off and on again', async () => {
    const page = await signIn('admin');
    await page.getByRole('table', { name: 'Alle gebruikers met hun rol en waarvoor ze werken' }).waitFor();
    const form = page.locator('form[aria-labelledby="new-account-heading"]');
    await form.getByLabel('Gebruikersnaam').fill('coordinator.oss.2');
    await form.getByLabel('Wachtwoord').fill('een lang genoeg wachtwoord');
    // An agency chosen for another role must not stay behind, hidden, when the role changes.
    await form.getByLabel('Rol', { exact: true }).selectOption('AGENCY_WORKER');
    await form.getByLabel('Zoek op naam: Organisatie').fill('som');
    await form.getByLabel('Organisatie', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Rol', { exact: true }).selectOption('COORDINATOR');
    await form.getByLabel('Regio', { exact: true }).selectOption('oss');
    await form.getByRole('button', { name: 'Gebruiker maken' }).click();
    await page.getByText('De gebruiker is gemaakt.').waitFor();
    await page.getByRole('button', { name: 'coordinator.oss.2 uitzetten' }).click();
    // Switching off asks first.
    await page.getByRole('button', { name: 'Ja, coordinator.oss.2 uitzetten' }).click();
    await page.getByRole('button', { name: 'coordinator.oss.2 weer aanzetten' }).waitFor();
    await page.screenshot({ path: `${artifacts}admin-accounts.png`, fullPage: true });
    await page.close();
  });

  it('lists a break-glass use for the coordinator of the region, who marks it reviewed', async () => {
    const api = async (query: string, variables: object, token?: string) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()).data;
    };
    const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on Session { token } } }`;
    const coordinator = (await api(LOGIN, { u: 'coordinator.amsterdam', p: DEMO_PASSWORD })).login.token;
    const worker = (await api(LOGIN, { u: 'worker.vangnet', p: DEMO_PASSWORD })).login.token;
    const [household] = (await api(`{ households(first: 1) { edges { node { id reference } } } }`, {}, coordinator)).households.edges.map(
      (e: { node: { id: string; reference: string } }) => e.node,
    );
    const BREAK = `mutation($id: ID!) { breakGlassAccess(householdId: $id, reason: "Gezin staat vannacht op straat, geen opvang bekend") { __typename } }`;
    expect((await api(BREAK, { id: household.id }, worker)).breakGlassAccess.__typename).toBe('ConsentRecord');

    const page = await signIn('coordinator.amsterdam');
    await page.getByRole('link', { name: 'Noodtoegang' }).click();
    const table = page.getByRole('table', { name: 'Noodtoegang die nog beoordeeld moet worden, nieuwste eerst' });
    await table.getByRole('cell', { name: household.reference, exact: true }).waitFor();
    await expect(table.getByText('Gezin staat vannacht op straat, geen opvang bekend').count()).resolves.toBe(1);
    await page.getByLabel(`Notitie bij de beoordeling van ${household.reference}`).fill('Besproken met het team');
    await page.screenshot({ path: `${artifacts}break-glass-review.png`, fullPage: true });
    await page.getByRole('button', { name: `Zet noodtoegang tot ${household.reference} op beoordeeld` }).click();
    await page.getByText('Er is geen noodtoegang die nog beoordeeld moet worden.').waitFor();
    await page.getByRole('button', { name: 'Toon beoordeelde' }).click();
    await page.getByText('Besproken met het team').waitFor();
    await page.close();
  });

  it.each([
    ['sign-in', null, '/sign-in'],
    ['break-glass review', 'coordinator.amsterdam', '/break-glass'],
    ['coordinator home', 'coordinator.amsterdam', '/'],
    ['agency worker home', 'worker.vangnet', '/'],
    ['shelter home', 'shelter.hvo', '/'],
    ['gaps', 'coordinator.amsterdam', '/gaps'],
    ['chain map', 'coordinator.amsterdam', '/chain/amsterdam'],
    ['shelter figures', 'coordinator.amsterdam', '/shelter-figures/amsterdam'],
    ['shelter reporting', 'shelter.hvo', '/shelter'],
    ['policy comparison', 'policy', '/'],
    ['administration', 'admin', '/'],
  ])('meets WCAG 2.1 AA as far as axe-core can tell: %s', async (_name, username, path) => {
    const page = username ? await signIn(username) : await browser.newPage();
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses injected scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const audit = async () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: Document,
                options: object,
              ) => Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return {
          passed: result.passes.length,
          violations: result.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          ),
        };
      });
    const { passed, violations } = await audit();
    expect(violations).toEqual([]);
    expect(passed).toBeGreaterThan(10);
    // The audit can fail: an image without a text alternative is reported.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.ico">'));
    expect((await audit()).violations.some((v) => v.startsWith('image-alt'))).toBe(true);
    await page.close();
  });
});
