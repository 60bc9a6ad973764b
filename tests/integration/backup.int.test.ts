// Backup and restore of the embedded store: a backup taken while the store is in use, restored by `npm run
// restore` into a fresh data dir, reads back a household's trajectory as it was; `npm run backup` of a stopped store.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupStore, createExecutor, restoreStore, type App, type Config, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, TAKE_REGIE, TRAJECTORY, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp, testConfig } from '../support/store.js';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'ketenkaart-backup-'));
const dir = (name: string) => join(work, name);
const onDisk = (dataDir: string): Config => ({ ...testConfig(), store: { kind: 'grafeo', dataDir } });

function cli(command: 'backup' | 'restore', args: string[], dataDir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, KETENKAART_DATA_DIR: dataDir, KETENKAART_BACKUP_DIR: dir('backups'), LOG_LEVEL: 'info' };
    delete (env as Record<string, string | undefined>).NEO4J_URI;
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['api/src/maintenance/backup-cli.ts', command, ...args], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, output }));
  });
}

async function trajectoryKinds(executor: CypherExecutor, householdId: string): Promise<string[]> {
  const app: App = testApp(executor);
  const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
  const { data } = await gql(app, TRAJECTORY, { id: householdId }, coordinator.headers);
  return data.household.trajectory.steps.map((step: { event: { kind: string } }) => step.event.kind);
}

describe('backup and restore of the embedded store', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('restores a backup taken in use into a fresh data dir, and backs up a stopped store from the command line', async () => {
    const live = await openTestStore(onDisk(dir('live')));
    await seedReferenceData(live);
    const app = testApp(live);
    const coordinator = await signIn(app, live, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    const household = (await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-BACKUP-001' }) }, coordinator.headers)).data
      .registerHousehold;
    await gql(
      app,
      RECORD_EVENT,
      {
        input: {
          householdId: household.id,
          kind: 'EARLY_WARNING_SIGNAL',
          occurredOn: '2024-02-01',
          agencyId: 'ams-woningcorporaties',
          arrearsMonths: 2,
        },
      },
      coordinator.headers,
    );
    await gql(
      app,
      TAKE_REGIE,
      { householdId: household.id, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' },
      coordinator.headers,
    );
    const atBackup = await trajectoryKinds(live, household.id);
    expect(atBackup).toEqual(['EARLY_WARNING_SIGNAL', 'REGIE_TAKEN']);

    const file = await backupStore(live, dir('backups'));
    // Written after the backup: in the store, not in the backup.
    await gql(
      app,
      RECORD_EVENT,
      {
        input: {
          householdId: household.id,
          kind: 'HOME_VISIT',
          occurredOn: '2024-02-12',
          agencyId: 'ams-maatschappelijke-dienstverlening',
        },
      },
      coordinator.headers,
    );

    // The command line cannot take the store from under a running server, and says what to do instead.
    const refused = await cli('backup', [], dir('live'));
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/SIGUSR2/);
    await live.close();

    const restored = await cli('restore', [file], dir('restored'));
    expect(restored.code, restored.output).toBe(0);
    const fromBackup = createExecutor(onDisk(dir('restored')).store);
    expect(await trajectoryKinds(fromBackup, household.id)).toEqual(atBackup);
    await fromBackup.close();
    await expect(restoreStore(file, dir('restored'))).rejects.toThrow(/already holds a store/);

    const backedUp = await cli('backup', [dir('offline')], dir('live'));
    expect(backedUp.code, backedUp.output).toBe(0);
    const [offlineFile] = readdirSync(dir('offline'));
    expect(offlineFile).toMatch(/^ketenkaart-.*\.grafeo$/);
    await restoreStore(join(dir('offline'), offlineFile!), dir('restored-offline'));
    const fromOffline = createExecutor(onDisk(dir('restored-offline')).store);
    expect(await trajectoryKinds(fromOffline, household.id)).toEqual([...atBackup, 'HOME_VISIT']);
    await fromOffline.close();
    expect(existsSync(file)).toBe(true);
  }, 240_000);
});
