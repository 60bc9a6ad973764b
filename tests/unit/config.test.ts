// Configuration of the commands: .env is read as .env.example promises, and the environment wins over it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommandConfig } from '@ketenkaart/api';

describe('loadCommandConfig', () => {
  it('reads a .env file, and a variable set in the environment wins over the file', () => {
    const envFile = join(mkdtempSync(join(tmpdir(), 'ketenkaart-env-')), '.env');
    writeFileSync(envFile, 'KETENKAART_SEED_FAMILIES=7\nPORT=4999\n');
    process.env.PORT = '4100';
    delete process.env.KETENKAART_SEED_FAMILIES;
    const config = loadCommandConfig(envFile);
    expect(config.seedFamilies).toBe(7);
    expect(config.port).toBe(4100);
  });

  it('starts without a .env file', () => {
    expect(() => loadCommandConfig(join(tmpdir(), 'no-such-dir', '.env'))).not.toThrow();
  });
});
