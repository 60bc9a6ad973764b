// `npm run lint:cypher-log -- <file>`: lints every statement a run wrote to KETENKAART_CYPHER_LOG.
import { readFileSync } from 'node:fs';
import { lintStatement } from './lint.js';

const file = process.argv[2] ?? process.env.KETENKAART_CYPHER_LOG;
if (!file) {
  console.error('usage: npm run lint:cypher-log -- <cypher-log.jsonl>');
  process.exit(2);
}
const entries = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { name: string; query: string; params: string[] });
const distinct = new Map(entries.map((entry) => [entry.query, entry]));
let failures = 0;
for (const entry of distinct.values()) {
  const errors = lintStatement(entry.query, entry.params).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    failures += 1;
    console.error(`${entry.name}: ${errors.map((e) => e.message).join('; ')}`);
  }
}
console.log(`${distinct.size} distinct statements, ${failures} with lint errors`);
process.exit(failures > 0 ? 1 : 0);
