// The policy maker's comparison in a real browser: the filter comes first and governs every figure below it, an
// impossible choice is refused at its field and changes nothing, and the Dutch pages carry no English or file names.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';

const GAPS = 'Huishoudens met een open knelpunt dat in de periode is gevonden (synthetische gegevens)';

describe('policy comparison', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await startWebApp();
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  const columnsOf = async (page: Page, caption: string | RegExp) =>
    (await page.getByRole('table', { name: caption }).locator('thead th').allTextContents()).slice(1);
  const gapCells = async (page: Page) => page.getByRole('table', { name: GAPS }).locator('tbody td').allTextContents();

  it('puts the filter first and lets it govern the gap table, the outcomes and the chain structure', async () => {
    const page = await web.signIn('policy');
    const filter = page.getByRole('form', { name: 'Periode en steden kiezen' });
    await page.getByRole('table', { name: GAPS }).waitFor();
    // The filter comes before every figure on the page.
    const filterTop = (await filter.boundingBox())!.y;
    for (const caption of [GAPS, /Hoe de steden hun keten/])
      expect((await page.getByRole('table', { name: caption }).boundingBox())!.y).toBeGreaterThan(filterTop);
    expect(await columnsOf(page, GAPS)).toEqual(['Amsterdam', 'Leeuwarden', 'Oss', 'Utrecht']);
    const before = await gapCells(page);

    await page.getByLabel('Oss').uncheck();
    await filter.getByLabel('Van').fill('2099-01-01');
    await filter.getByLabel('Tot en met').fill('2099-12-31');
    await filter.getByRole('button', { name: 'Vergelijk' }).click();
    await page.waitForURL(/from=2099-01-01&to=2099-12-31&cities=amsterdam%2Cleeuwarden%2Cutrecht|cities=amsterdam,leeuwarden,utrecht/);
    await expect.poll(() => columnsOf(page, GAPS)).toEqual(['Amsterdam', 'Leeuwarden', 'Utrecht']);
    // Nothing was found in a period still to come: every cell is 0, where before some were not.
    await expect.poll(() => gapCells(page)).toEqual(Array(15 * 3).fill('0'));
    expect(before.some((value) => value !== '0')).toBe(true);
    expect(await columnsOf(page, /Hoe de steden hun keten/)).toEqual(['Amsterdam', 'Leeuwarden', 'Utrecht']);
    await page.getByRole('button', { name: 'Toon als tabel' }).click();
    expect(await columnsOf(page, 'Uitkomsten per stad (aantal huishoudens)')).toEqual(['Amsterdam', 'Leeuwarden', 'Utrecht']);
    await page.screenshot({ path: `${artifacts}policy-filtered.png`, fullPage: true });
    await page.close();
  });

  it.each([
    ['a period that ends before it starts', 'Tot en met', /Deze datum ligt vóór de begindatum/],
    ['no city', 'Steden', /Kies minstens één stad/],
  ])('refuses %s at its field, with the error summary, and changes nothing', async (what, field, message) => {
    const page = await web.signIn('policy');
    const filter = page.getByRole('form', { name: 'Periode en steden kiezen' });
    await page.getByRole('table', { name: GAPS }).waitFor();
    const url = page.url();
    const cells = await gapCells(page);
    if (field === 'Steden') for (const city of ['Amsterdam', 'Leeuwarden', 'Oss', 'Utrecht']) await page.getByLabel(city).uncheck();
    else {
      await filter.getByLabel('Van').fill('2026-12-31');
      await filter.getByLabel('Tot en met').fill('2026-01-01');
    }
    await filter.getByRole('button', { name: 'Vergelijk' }).click();
    const summary = page.locator('.kk-error-summary');
    await expect(summary.textContent()).resolves.toMatch(message);
    await expect(summary.textContent()).resolves.toContain(field);
    await expect(filter.locator('.utrecht-form-field-error-message').textContent()).resolves.toMatch(message);
    expect(await page.evaluate(() => document.activeElement?.closest('.kk-error-summary') !== null)).toBe(true);
    expect(page.url()).toBe(url);
    expect(await gapCells(page)).toEqual(cells);
    await page.screenshot({ path: `${artifacts}policy-refused-${what.replaceAll(' ', '-')}.png`, fullPage: true });
    await page.close();
  });

  // What the review found in the Dutch pages: English paraphrases of the report, file names and facility kinds.
  const ENGLISH =
    /is responsible and holds regie|Regie lies with|the report (names|does not)|\.txt\b|\bshelter\b|24-hour residential care|floating housing support|time of study|Counts below|chain model published|reconstructed from the report text|\byes\b|does not say|a regie role|Evaluation results|Corporations must|coordinates|arrears signalling|until placement|multi-problem|case level|client level|\bcovenant\b|\brisk\b|early-warning|reported at|months. arrears/i;

  it.each([
    ['policy', '/'],
    ['policy', '/chain/amsterdam'],
    ['policy', '/chain/utrecht'],
    ['policy', '/chain/leeuwarden'],
    ['policy', '/chain/oss'],
    ['shelter.hvo', '/'],
  ])('shows %s at %s in Dutch only: no English paraphrases, facility kinds or file names', async (username, path) => {
    const page = await web.signIn(username);
    await page.goto(`${web.base}${path}`);
    await page.locator('main table').first().waitFor();
    await expect.poll(() => page.locator('main table').count()).toBeGreaterThan(path === '/' && username === 'policy' ? 1 : 0);
    const text = await page.locator('main').innerText();
    const english = ENGLISH.exec(text);
    expect(english ? text.slice(Math.max(0, english.index - 80), english.index + 80) : null).toBeNull();
    if (path.startsWith('/chain/amsterdam')) {
      expect(text).toMatch(/wordt de regie aan de betreffende instelling overgedragen’ \(regels 1404-1408\)/);
      expect(text).toMatch(/onderzoek 2009, regels/);
    }
    if (username === 'shelter.hvo') expect(text).toMatch(/opvang/);
    if (path === '/' && username === 'policy') {
      const printable = await page.request.get(`${web.base}${await page.getByRole('link', { name: /Afdrukbaar/ }).getAttribute('href')}`);
      expect(ENGLISH.exec(await printable.text())?.[0] ?? null).toBeNull();
    }
    await page.screenshot({ path: `${artifacts}dutch-${username}${path.replaceAll('/', '-')}.png`, fullPage: true });
    await page.close();
  });
});
