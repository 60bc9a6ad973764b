// Serves the built web app (web/dist) with security headers; client-side routes fall back to index.html.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export function serveWeb(distDir: string, pathname: string): Response {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    return new Response('Ketenkaart API. The web app is not built: run `npm run build --workspace web`.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders },
    });
  }
  // normalize() and the prefix check keep "/../" out of the dist folder.
  const candidate = normalize(join(distDir, decodeURIComponent(pathname)));
  const file = candidate.startsWith(distDir) && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const cache = file === index ? 'no-cache' : 'public, max-age=31536000, immutable';
  return new Response(readFileSync(file), { headers: { 'content-type': type, 'cache-control': cache, ...securityHeaders } });
}
