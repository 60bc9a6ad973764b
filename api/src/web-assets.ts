// Serves the built web app (web/dist) with security headers. Paths of the app's routes (dist/routes.json, written
// by the build from web/src/routes.ts) get index.html; files of the build are served with their brotli or gzip
// copy (made at build time, web/server-files.ts) when the client accepts it; every other path is a 404.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { problemResponse } from './http/problem.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** Vite names every file under assets/ by its content hash: a changed file gets a new name, so it can be kept a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: the browser asks each time whether it changed. */
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

type Encoding = 'br' | 'gzip';

interface BuiltFile {
  path: string;
  type: string;
  cacheControl: string;
  encodings: Partial<Record<Encoding, string>>;
}

interface Build {
  files: Map<string, BuiltFile>;
  index: BuiltFile;
  routes: RegExp[];
}

export interface WebAssets {
  serve(request: Request): Response;
}

/** The build is read when first asked for, so a server started before `npm run build` picks it up once it exists. */
export function createWebAssets(distDir: string): WebAssets {
  let build: Build | null = null;
  return {
    serve(request) {
      build ??= readBuild(distDir);
      if (!build) {
        return new Response('Ketenkaart API. The web app is not built: run `npm run build --workspace web`.', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders },
        });
      }
      return answer(build, request);
    },
  };
}

function answer(build: Build, request: Request): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(build, request, false);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return notFound(build, request, false);
  }
  // Only files the build wrote are looked up, by name: no path from the request reaches the file system.
  const file = build.files.get(pathname) ?? (build.routes.some((route) => route.test(pathname)) ? build.index : null);
  return file ? fileResponse(file, request) : notFound(build, request, extname(pathname) === '');
}

function fileResponse(file: BuiltFile, request: Request, status = 200): Response {
  const encoding = preferredEncoding(request.headers.get('accept-encoding'), file);
  const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': file.cacheControl, ...securityHeaders };
  if (Object.keys(file.encodings).length > 0) headers.vary = 'Accept-Encoding';
  if (encoding) headers['content-encoding'] = encoding;
  const body = readFileSync(encoding ? file.encodings[encoding]! : file.path);
  headers['content-length'] = String(body.length);
  return new Response(request.method === 'HEAD' ? null : body, { status, headers });
}

/**
 * Unknown paths, other methods and files the build does not have: 404. A browser asking for a page gets the app's
 * page with it (the app shows where to go); anything else gets problem details, as every HTTP route does.
 */
function notFound(build: Build, request: Request, mayBePage: boolean): Response {
  if (mayBePage && request.headers.get('accept')?.includes('text/html')) return fileResponse(build.index, request, 404);
  return problemResponse({ status: 404, code: 'NOT_FOUND', detail: 'There is nothing at this address.' }, securityHeaders);
}

/** Brotli when the client takes it, else gzip, else the file as it is; q=0 refuses an encoding. */
function preferredEncoding(acceptEncoding: string | null, file: BuiltFile): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (encoding: string) => (accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0;
  if (file.encodings.br && takes('br')) return 'br';
  if (file.encodings.gzip && takes('gzip')) return 'gzip';
  return null;
}

function readBuild(distDir: string): Build | null {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) return null;
  const files = new Map<string, BuiltFile>();
  for (const path of filesUnder(distDir)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const name = `/${relative(distDir, path).split(sep).join('/')}`;
    const encodings: BuiltFile['encodings'] = {};
    if (existsSync(`${path}.br`)) encodings.br = `${path}.br`;
    if (existsSync(`${path}.gz`)) encodings.gzip = `${path}.gz`;
    const cacheControl = path === indexPath ? REVALIDATE : name.startsWith('/assets/') ? IMMUTABLE : SHORT;
    files.set(name, { path, type: contentTypes[extname(path)] ?? 'application/octet-stream', cacheControl, encodings });
  }
  const index = files.get('/index.html')!;
  files.delete('/index.html');
  files.delete('/routes.json');
  return { files, index, routes: appRoutes(distDir) };
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** "/households/:id" matches /households/hh_1 (one segment per parameter), with or without a trailing slash. */
function appRoutes(distDir: string): RegExp[] {
  const listed = join(distDir, 'routes.json');
  const patterns = existsSync(listed) ? (JSON.parse(readFileSync(listed, 'utf8')) as string[]) : ['/'];
  return patterns.map((pattern) => {
    const segments = pattern
      .split('/')
      .filter(Boolean)
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    return new RegExp(`^/${segments.join('/')}${segments.length ? '/?' : ''}$`);
  });
}
