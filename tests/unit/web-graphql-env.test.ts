// The web's typed documents read web/src/graphql-env.d.ts; it must be the one gql.tada makes from the committed
// schema/schema.graphql, or `npm run typecheck` would check the web's queries against a schema that is gone.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOutput } from '@gql.tada/cli-utils';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('web GraphQL types', () => {
  it('web/src/graphql-env.d.ts is generated from schema/schema.graphql (run `npm run print-schema` after a schema change)', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'graphql-env-')), 'graphql-env.d.ts');
    await generateOutput({ output, tsconfig: join(root, 'web', 'tsconfig.json'), silent: true });
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(join(root, 'web', 'src', 'graphql-env.d.ts'), 'utf8'));
  });
});
