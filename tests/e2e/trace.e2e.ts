// The trace in a real browser: a gap explained and resolved where it is, a graph that reads at 12 px and works by
// keyboard, search by anything, and the family summary as it prints.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '@ketenkaart/api';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';
import { dayOf } from '@ketenkaart/schema';

// The service's day (it turns at midnight in Amsterdam), so the test holds at any hour.
const today = () => dayOf(new Date());

describe('trace', () => {
  let web: WebApp;
  let householdId: string;
  let reference: string;

  beforeAll(async () => {
    web = await startWebApp();
    const repos = createRepositories(web.executor);
    const [gap] = (await repos.gaps.findings({ cityIds: ['amsterdam'], ruleIds: ['FEEDBACK_INTERIM_MISSING'] }, 1, null)).items;
    if (!gap) throw new Error('the synthetic families should have an Amsterdam household without an interim report');
    householdId = gap.householdId;
    reference = (await repos.households.householdsByIds([householdId]))[0]!.reference;
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  const openTrace = async (page: Page) => {
    await page.goto(`${web.base}/households/${householdId}`);
    await page.getByRole('heading', { level: 2, name: `Traject van huishouden ${reference}` }).waitFor();
    await expect.poll(async () => Number(await page.getByTestId('chain-graph').getAttribute('data-rendered-nodes'))).toBeGreaterThan(3);
  };

  it('explains a gap where it is and lets the coordinator resolve it from the trace', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await openTrace(page);
    const gap = page.getByTestId('open-gap').filter({ has: page.getByRole('heading', { name: /^Geen tussenmelding/ }) });
    const text = await gap.textContent();
    expect(text).toContain('binnen de afgesproken termijn contact');
    expect(text).toMatch(/Uiterlijk \d{4}-\d{2}-\d{2}: \d+ dagen? te laat/);
    expect(text).toContain('Wie is aan zet');
    expect(text).toContain('Bron van de termijn');
    const deadline = /Uiterlijk (\d{4}-\d{2}-\d{2})/.exec(text!)![1]!;

    await gap.getByRole('button', { name: 'Toon in traject' }).click();
    await expect.poll(async () => Number(await page.getByTestId('chain-graph').getAttribute('data-evidence-nodes'))).toBeGreaterThan(0);
    expect(await page.locator('tr[data-evidence="true"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}trace-gap-explained.png`, fullPage: true });

    await gap.getByRole('button', { name: 'Tussenmelding vastleggen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('next-step-heading');
    await expect(page.getByLabel('Soort stap').inputValue()).resolves.toBe('INTERIM_REPORT');
    await page.getByLabel('Instantie die de stap zette').selectOption({ label: 'Vangnet en Advies (GGD Amsterdam)' });
    await page.getByLabel('Datum').fill(deadline);
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page.getByText('De stap is vastgelegd.').waitFor();

    const resolved = page.getByTestId('resolved-gap').filter({ has: page.getByRole('heading', { name: 'Geen tussenmelding' }) });
    await resolved.waitFor();
    expect(await resolved.textContent()).toContain(
      `opgelost op ${today()} door Tussenmelding van ${deadline} (Vangnet en Advies (GGD Amsterdam))`,
    );
    expect(
      await page
        .getByTestId('open-gap')
        .filter({ has: page.getByRole('heading', { name: /^Geen tussenmelding/ }) })
        .count(),
    ).toBe(0);
    // The "Nu" line says the state the last counted step of the timeline leaves the family in.
    const states = await page
      .locator('table')
      .filter({ hasText: 'Dagen sinds vorige stap' })
      .locator('tbody tr:not(:has(del)) td:nth-child(4)')
      .allTextContents();
    expect(await page.getByTestId('trace-now').textContent()).toContain(`Nu: ${states.filter((s) => s !== '—').at(-1)}.`);
    await page.screenshot({ path: `${artifacts}trace-gap-resolved.png`, fullPage: true });
    await page.close();
  });

  it('gives a missed term the same due day, in the same words, on the worklist and in the trace', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await page.goto(`${web.base}/?kind=GAP`);
    // A missed term: its row says "te laat"; a gap that is an event says "Sinds" instead.
    const row = page.locator('tr[data-kind="GAP"]').filter({ hasText: 'te laat' }).first();
    await row.waitFor();
    const findingId = (await row.getAttribute('data-item'))!.slice('GAP:'.length);
    const due = /\d{4}-\d{2}-\d{2}/.exec((await row.locator('td').nth(2).textContent())!)![0];
    await page.screenshot({ path: `${artifacts}worklist-due-day.png`, fullPage: true });
    await row.getByRole('link').first().click();
    const gap = page.locator(`[data-testid="open-gap"][aria-labelledby="gap-${findingId}"]`);
    await gap.waitFor();
    expect(await gap.textContent()).toMatch(new RegExp(`Uiterlijk ${due}: \\d+ dagen? te laat`));
    await page.close();
  });

  it('draws the trace as swimlanes whose labels render at 12 px or more, and opens the details by keyboard', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await openTrace(page);
    const graph = page.getByTestId('chain-graph');
    // Measured as the renderer draws it: cytoscape's zoom times the smallest label font of the visible nodes.
    await expect.poll(async () => Number(await graph.getAttribute('data-min-label-px'))).toBeGreaterThanOrEqual(12);
    await graph.screenshot({ path: `${artifacts}trace-swimlanes.png` });
    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await page.getByRole('button', { name: 'Beginweergave' }).click();
    await expect.poll(async () => Number(await graph.getAttribute('data-min-label-px'))).toBeGreaterThanOrEqual(12);

    await graph.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const details = page.getByTestId('graph-details');
    await details.waitFor();
    expect((await details.getByRole('heading').textContent())?.trim()).not.toBe('');
    expect(await details.textContent()).not.toMatch(/\b[A-Z]{3,}_[A-Z_]+\b/);
    await page.screenshot({ path: `${artifacts}trace-details.png`, fullPage: false });
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows the chain map with agency names at 12 px or more and a legend', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await page.goto(`${web.base}/chain/amsterdam`);
    await page.getByRole('heading', { level: 2, name: /^Ketenkaart Amsterdam/ }).waitFor();
    const graph = page.getByTestId('chain-graph');
    await expect.poll(async () => Number(await graph.getAttribute('data-rendered-nodes'))).toBeGreaterThan(3);
    await expect.poll(async () => Number(await graph.getAttribute('data-min-label-px'))).toBeGreaterThanOrEqual(12);
    expect(await page.getByRole('figure').filter({ hasText: 'Legenda' }).textContent()).toContain('verwijzingen (dikker: meer)');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${artifacts}chain-map-amsterdam.png`, fullPage: true });
    await page.close();
  });

  it("shows the trace on a phone before the graph chunk has arrived, in a placeholder of the graph's size", async () => {
    const page = await web.signIn('coordinator.amsterdam', { width: 412, height: 823 });
    // The graph chunk is held back until the page's own content is there.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/cytoscape-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${web.base}/households/${householdId}`);
    await page.getByRole('heading', { level: 2, name: `Traject van huishouden ${reference}` }).waitFor();
    await page.getByRole('table', { name: 'Alle stappen op volgorde van datum' }).waitFor();
    const placeholder = page.locator('.kk-graph[role="status"]');
    await placeholder.waitFor();
    const reserved = await placeholder.boundingBox();
    await page.screenshot({ path: `${artifacts}trace-mobile-graph-pending.png`, fullPage: true });
    release();
    const graph = page.getByTestId('chain-graph');
    await expect.poll(async () => Number(await graph.getAttribute('data-rendered-nodes'))).toBeGreaterThan(3);
    // The graph takes the place the placeholder held: nothing below it moves.
    expect(await graph.boundingBox()).toEqual(reserved);
    await page.close();
  });

  it('finds the family by part of its reference, whatever the case and spaces', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await page.goto(`${web.base}/households`);
    // The search button stands in line with the box it searches with.
    const box = (await page.getByLabel('Kenmerk, dossiernummer of verwijzingsnummer').boundingBox())!;
    const button = (await page.getByRole('button', { name: 'Zoeken' }).boundingBox())!;
    expect(Math.abs(button.y + button.height - (box.y + box.height))).toBeLessThanOrEqual(2);
    const part = reference.slice(-5).toLowerCase().split('').join(' ');
    await page.getByLabel('Kenmerk, dossiernummer of verwijzingsnummer').fill(part);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: reference }).waitFor();
    await page.getByLabel('Kenmerk, dossiernummer of verwijzingsnummer').fill('a-');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Typ minstens 3 tekens').waitFor();
    await page.close();
  });

  it('prints the family summary with who looked at the record and why', async () => {
    const page = await web.signIn('coordinator.amsterdam');
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${web.base}/households/${householdId}/summary`);
    await page.getByRole('heading', { level: 2, name: `Samenvatting voor het gezin: ${reference}` }).waitFor();
    const access = page.getByTestId('summary-access');
    await access.waitFor();
    const rows = await access.locator('tbody tr').allTextContents();
    expect(
      rows.some((row) => row.includes('ketenregisseur') && row.includes('bekeken') && row.includes('ketenregisseur van de regio')),
    ).toBe(true);
    expect(rows.some((row) => row.includes('gewijzigd'))).toBe(true);
    expect(await page.getByRole('heading', { name: 'Wat nog moet gebeuren' }).isVisible()).toBe(true);
    // Print CSS: navigation and buttons stay off paper.
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    await page.screenshot({ path: `${artifacts}family-summary-print.png`, fullPage: true });
    await page.close();
  });
});
