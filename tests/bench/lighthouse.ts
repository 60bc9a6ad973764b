// The last step of npm run bench: Lighthouse 12.2.3 (desktop and mobile presets) on the main pages, each signed in
// as the role that uses it, against the seeded server the browser tests use. Records performance, CLS and bytes
// transferred per page in results.json (section `lighthouse`) and RESULTS.md. Targets (issue #19): performance
// >= 90 desktop and >= 70 mobile, CLS < 0.1, under 500 KB transferred apart from the graph chunk on graph pages.
// Run alone with `npx tsx tests/bench/lighthouse.ts` (needs web/dist: `npm run build --workspace web`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { createRepositories } from '@ketenkaart/api';
import { DEMO_PASSWORD } from '@ketenkaart/seed';
import { findChromium, launchChromium } from '../support/browser.js';
import { serveSeededApp } from '../support/web-app.js';
import { lighthouseMisses, resultsJson, resultsMarkdown, resultsMd, round, type BenchRun, type LighthousePage } from './report.js';

/** Bytes of the graph chunk are left out of a page's weight: the target is for everything else. */
const GRAPH_CHUNK = /\/assets\/cytoscape-[\w-]+\.js$/;

interface PageToAudit {
  name: string;
  path: string;
  username: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The session cookie of a demo account, signed in through the API as the sign-in page does. */
async function sessionCookie(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      variables: { u: username, p: DEMO_PASSWORD },
    }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  if (cookies.length === 0) throw new Error(`${username} could not sign in: ${await response.text()}`);
  return cookies.join('; ');
}

export async function auditPages(): Promise<NonNullable<BenchRun['lighthouse']>> {
  const server = await serveSeededApp();
  const port = await freePort();
  const browser = await launchChromium({ debuggingPort: port });
  try {
    const repos = createRepositories(server.executor);
    const [gap] = (await repos.gaps.findings({ cityIds: ['amsterdam'], ruleIds: ['FEEDBACK_INTERIM_MISSING'] }, 1, null)).items;
    if (!gap) throw new Error('the synthetic families should have an Amsterdam household with a gap');
    const pages: PageToAudit[] = [
      { name: 'home (worklist)', path: '/', username: 'coordinator.amsterdam' },
      { name: 'household search', path: '/households', username: 'coordinator.amsterdam' },
      { name: 'trace (graph page)', path: `/households/${gap.householdId}`, username: 'coordinator.amsterdam' },
      { name: 'family summary', path: `/households/${gap.householdId}/summary`, username: 'coordinator.amsterdam' },
      { name: 'gaps', path: '/gaps', username: 'coordinator.amsterdam' },
      { name: 'chain map', path: '/chain/amsterdam', username: 'coordinator.amsterdam' },
      { name: 'worklist (agency worker)', path: '/', username: 'worker.vangnet' },
      { name: 'shelter', path: '/shelter', username: 'shelter.hvo' },
      { name: 'shelter figures', path: '/shelter-figures/amsterdam', username: 'policy' },
      { name: 'city comparison (policy home)', path: '/', username: 'policy' },
      { name: 'administration', path: '/', username: 'admin' },
    ];
    // LIGHTHOUSE_PAGES=trace,shelter: only the pages whose name contains one of these (while fixing one).
    const only = process.env.LIGHTHOUSE_PAGES?.split(',');
    if (only) pages.splice(0, pages.length, ...pages.filter((page) => only.some((part) => page.name.includes(part))));
    const cookies = new Map<string, string>();
    for (const { username } of pages) if (!cookies.has(username)) cookies.set(username, await sessionCookie(server.base, username));

    const results: LighthousePage[] = [];
    for (const page of pages) {
      for (const formFactor of ['desktop', 'mobile'] as const) {
        // The cookie as a header: Lighthouse clears the origin's storage and cache before it loads the page cold.
        const flags: Flags = {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: { Cookie: cookies.get(page.username)! },
        };
        const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
        const run = await lighthouse(`${server.base}${page.path}`, flags, config);
        if (!run) throw new Error(`Lighthouse gave no result for ${page.path}`);
        const { lhr } = run;
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${page.path}: ${lhr.runtimeError.message}`);
        const requests =
          (lhr.audits['network-requests']?.details as { items?: { url: string; transferSize?: number }[] } | undefined)?.items ?? [];
        const bytes = (items: typeof requests) => items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
        const graph = requests.filter((item) => GRAPH_CHUNK.test(item.url));
        const result: LighthousePage = {
          page: page.name,
          path: page.path.replace(gap.householdId, ':id'),
          role: page.username,
          formFactor,
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          cls: round(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN, 3),
          lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
          transferredKB: round((bytes(requests) - bytes(graph)) / 1000),
          graphChunkKB: graph.length > 0 ? round(bytes(graph) / 1000) : null,
        };
        results.push(result);
        const misses = lighthouseMisses(result);
        // What moved and what blocked, on the console only: for finding the cause of a missed target.
        const shifts =
          (lhr.audits['layout-shifts']?.details as { items?: { node?: { selector?: string }; score: number }[] } | undefined)?.items ?? [];
        const movers = shifts
          .slice(0, 3)
          .map((shift) => `${shift.node?.selector ?? '?'} ${round(shift.score, 3)}`)
          .join(', ');
        console.log(
          `  TBT ${Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN)} ms, FCP ${Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? NaN)} ms${movers ? `; shifted: ${movers}` : ''}`,
        );
        console.log(
          `${page.name} ${formFactor}: performance ${result.performance}, CLS ${result.cls}, LCP ${result.lcpMs} ms, ${result.transferredKB} kB${misses.length ? ` (MISSED: ${misses.join('; ')})` : ''}`,
        );
      }
    }
    const chromium = await findChromium();
    return {
      date: new Date().toISOString(),
      lighthouse: '12.2.3',
      chromium: `${chromium.source} (${browser.version()})`,
      // Lighthouse simulates the mobile CPU and network from what it observes: a busy machine lowers the scores.
      load: `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end (the machine is shared)`,
      pages: results,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lighthouseRun = await auditPages();
  const run = existsSync(resultsJson) ? (JSON.parse(readFileSync(resultsJson, 'utf8')) as BenchRun) : null;
  if (run && !process.env.LIGHTHOUSE_PAGES) {
    run.lighthouse = lighthouseRun;
    writeFileSync(resultsJson, `${JSON.stringify(run, null, 2)}\n`);
    writeFileSync(resultsMd, resultsMarkdown(run));
  }
  process.exit(0);
}
