// Registering a family from the web app ("Gezin aanmelden") as a worker, and the administrator's page on a phone:
// errors at their fields in Dutch, a saved family opens on its trace; the admin page fits 390 px and the switch-off
// question takes the focus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, startWebApp, type WebApp } from '../support/web-app.js';

const NOT_DUTCH = /\b(required|invalid|expected|too small|must|characters)\b/i;

describe('register a family, and the admin page on a phone', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await startWebApp({ families: 10 });
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it('a worker reaches "Gezin aanmelden" from the menu; an empty submit puts Dutch errors at the fields; a valid one opens the trace', async () => {
    const page = await web.signIn('worker.som');
    await page.getByRole('link', { name: 'Gezin aanmelden' }).click();
    await page.getByRole('heading', { name: 'Gezin aanmelden', level: 2 }).waitFor();
    const form = page.locator('form[aria-labelledby="register-heading"]');
    await form.getByRole('button', { name: 'Gezin aanmelden' }).click();
    const summary = form.locator('.kk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).not.toMatch(NOT_DUTCH);
    for (const id of ['register-reference', 'register-landlordType', 'register-members.0.label', 'register-members.0.from']) {
      const control = page.locator(`[id="${id}"]`);
      await expect(control.getAttribute('aria-invalid'), id).resolves.toBe('true');
      const message = (await page.locator(`[id="${id}-error"]`).textContent()) ?? '';
      expect(message, id).toMatch(/Vul dit in/);
      expect(message, id).not.toMatch(NOT_DUTCH);
    }
    await page.screenshot({ path: `${artifacts}register-empty.png`, fullPage: true });

    const reference = `E2E-${Date.now().toString(36).toUpperCase()}`;
    await form.getByLabel('Kenmerk', { exact: true }).fill(reference);
    await form.getByLabel('Soort verhuurder').selectOption('CORPORATION');
    await form.getByLabel('Omschrijving').fill('ouder 1');
    await form.getByLabel('Rol in het gezin').selectOption('PARENT');
    await form.getByLabel('Hoort bij het gezin sinds').fill('2020-01-01');
    await form.getByLabel('Hoe weet u dit?').selectOption('HOME_VISIT');
    await form.getByLabel('Toestemming geldt tot en met').fill('2030-12-31');
    await form.getByLabel('Hoe gaf het gezin toestemming?').selectOption('IN_PERSON_SIGNED');
    await form.getByRole('button', { name: 'Gezin aanmelden' }).click();
    await page.waitForURL(/\/households\/(?!new)[^/]+$/);
    await page.getByText(reference).first().waitFor();
    await page.screenshot({ path: `${artifacts}register-saved-trace.png`, fullPage: true });
    await page.close();
  });

  it('the admin page fits 390 px, and the switch-off question takes the focus', async () => {
    const page = await web.signIn('admin', { width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Gebruikers', exact: true }).first().waitFor();
    await page.locator('table').first().waitFor();
    await page.screenshot({ path: `${artifacts}admin-390.png`, fullPage: true });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.getByRole('button', { name: /worker\.som uitzetten/ }).click();
    const group = page.getByRole('group', { name: /worker\.som/ });
    await group.waitFor();
    await expect(group.evaluate((element) => element.contains(document.activeElement))).resolves.toBe(true);
    await group.getByRole('button', { name: 'Nee, niet uitzetten' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/worker\.som uitzetten/);
    await page.close();
  });
});
