// `npm start` builds the web app only when its inputs changed since the last build: a hash of the sources, the
// build configuration and the lock file is kept beside the build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const sourceDirs = ['src'];
const sourceFiles = ['index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', '../package-lock.json'];
const stamp = join(web, 'dist', '.inputs-sha256');

function inputsHash(): string {
  const inDirs = sourceDirs.flatMap((dir) =>
    readdirSync(join(web, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  const files = [...inDirs, ...sourceFiles.map((file) => join(web, file)).filter((file) => existsSync(file))].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(web, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const wanted = inputsHash();
if (existsSync(join(web, 'dist', 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  console.log('Web app unchanged since its last build: not rebuilt.');
} else {
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: join(web, '..'), stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stamp, wanted);
}
