// The web app as the browser tests see it: a seeded store, the real server on 127.0.0.1 and Chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerAdapter } from '@whatwg-node/server';
import type { Browser, Page } from 'playwright-core';
import { createApp, createGapService, createLogger, createRepositories, sweepGaps, type App, type CypherExecutor } from '@ketenkaart/api';
import { createDemoAccounts, DEMO_PASSWORD, loadSyntheticFamilies, seedReferenceData } from '@ketenkaart/seed';
import { launchChromium } from './browser.js';
import { openTestStore, testConfig } from './store.js';

/** Screenshots and downloads of the browser tests (git-ignored). */
export const artifacts = new URL('../artifacts/', import.meta.url).pathname;

export interface WebApp {
  base: string;
  browser: Browser;
  executor: CypherExecutor;
  /** The same app the server serves, for setting up facts through the API (app.fetch) before a test acts. */
  app: App;
  /** Signs in through the sign-in page, as a person would, and waits for the signed-in shell. */
  signIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface SeededServer {
  base: string;
  executor: CypherExecutor;
  app: App;
  close(): Promise<void>;
}

/**
 * The four cities, the demo accounts and synthetic families, with gaps evaluated as the server would have them,
 * served on 127.0.0.1 (for the browser tests and the Lighthouse benchmark).
 */
export async function serveSeededApp({ families = 80 }: { families?: number } = {}): Promise<SeededServer> {
  const config = testConfig();
  if (!existsSync(`${config.webDistDir}/index.html`)) throw new Error('web/dist is not built: npm test builds it first');
  mkdirSync(artifacts, { recursive: true });
  const executor = await openTestStore(config);
  await seedReferenceData(executor);
  await createDemoAccounts(executor);
  await loadSyntheticFamilies(executor, { families, regions: 4, seed: 2009, asOf: '2026-06-30' });
  const gaps = createGapService(createRepositories(executor));
  for (const city of ['amsterdam', 'utrecht', 'leeuwarden', 'oss']) await gaps.evaluateCity(city);
  await sweepGaps(executor, { now: new Date() });
  const app = createApp({ config, executor, logger: createLogger('silent') });
  const server: Server = createServer(createServerAdapter((request: Request) => app.fetch(request)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    executor,
    app,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await executor.close();
    },
  };
}

export async function startWebApp({ families = 80 }: { families?: number } = {}): Promise<WebApp> {
  const { base, executor, app, close } = await serveSeededApp({ families });
  const browser = await launchChromium();

  return {
    base,
    browser,
    executor,
    app,
    async signIn(username, viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Gebruikersnaam').fill(username);
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByText(`Ingelogd als ${username}`).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await close();
    },
  };
}
