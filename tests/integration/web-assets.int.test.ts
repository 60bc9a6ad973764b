// The web app as the server hands it out (issue 19 items 6 and 7): the app's routes get index.html, built files
// come pre-compressed by Accept-Encoding with long cache lifetimes when hashed, and every other path is a 404.
// A small build stands in for web/dist, in the shape web/server-files.ts writes it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { openTestStore, testApp, testConfig } from '../support/store.js';

const INDEX =
  '<!doctype html><html lang="nl"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('ketenkaart '.repeat(400))});`;

let executor: CypherExecutor;
let app: App;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'ketenkaart-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'routes.json'), JSON.stringify(['/sign-in', '/', '/households', '/households/:id', '/chain/:cityId']));
  const script = join(dist, 'assets', 'index-Ab12Cd34.js');
  writeFileSync(script, SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  executor = await openTestStore();
  app = testApp(executor, { ...testConfig(), webDistDir: dist });
});
afterAll(async () => executor.close());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.fetch(new Request(`http://ketenkaart.test${path}`, { method, headers }));

describe('unknown paths', () => {
  it('answers 404 for API-looking paths, files the build does not have and methods other than GET', async () => {
    for (const path of [
      '/metrics',
      '/api/v1/households',
      '/graphql/extra',
      '/shelter/export/all',
      '/.env',
      '/assets/missing-12345678.js',
      '/households.json',
      '/wp-login.php',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('application/problem+json');
      expect(await response.json(), path).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'There is nothing at this address.' });
    }
    expect((await get('/households', {}, 'POST')).status).toBe(404);
    expect((await get('/', {}, 'DELETE')).status).toBe(404);
    expect((await get('/assets/index-Ab12Cd34.js', {}, 'PUT')).status).toBe(404);
  });

  it('gives a browser asking for a page that does not exist the app with a 404', async () => {
    const response = await get('/no-such-page', { accept: 'text/html' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(INDEX);
  });

  it("gives the app's routes index.html, never cached", async () => {
    for (const path of ['/', '/sign-in', '/households', '/households/hh_123', '/chain/amsterdam/']) {
      const response = await get(path, { accept: 'text/html' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
    expect((await get('/households/hh_1/extra')).status).toBe(404);
  });
});

describe('pre-compressed assets', () => {
  it('serves brotli, else gzip, else the file itself, and says that the answer varies by Accept-Encoding', async () => {
    const brotli = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(SCRIPT);

    const gzip = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('keeps hashed files a year and others an hour', async () => {
    const hashed = await get('/assets/index-Ab12Cd34.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers HEAD with the headers only', async () => {
    const head = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(await head.text()).toBe('');
  });
});
