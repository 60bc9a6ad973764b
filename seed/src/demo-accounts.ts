// Demo accounts, one per role, for a fresh local start. Never created in production mode or on a store with accounts.
import type { Account } from '@ketenkaart/schema';
import { createRepositories, type CypherExecutor } from '@ketenkaart/api';

/** The shared demo password, listed in README. Demo stores hold synthetic data only. */
export const DEMO_PASSWORD = 'ketenkaart-demo-2026';

export const demoAccounts: Omit<Account, 'id' | 'active'>[] = [
  { username: 'coordinator.amsterdam', role: 'COORDINATOR', agencyId: null, centrumgemeenteId: 'amsterdam' },
  { username: 'coordinator.utrecht', role: 'COORDINATOR', agencyId: null, centrumgemeenteId: 'utrecht' },
  { username: 'coordinator.leeuwarden', role: 'COORDINATOR', agencyId: null, centrumgemeenteId: 'leeuwarden' },
  { username: 'coordinator.oss', role: 'COORDINATOR', agencyId: null, centrumgemeenteId: 'oss' },
  { username: 'worker.vangnet', role: 'AGENCY_WORKER', agencyId: 'ams-ggd-vangnet-advies', centrumgemeenteId: null },
  { username: 'worker.som', role: 'AGENCY_WORKER', agencyId: 'ams-som', centrumgemeenteId: null },
  { username: 'shelter.hvo', role: 'SHELTER_STAFF', agencyId: 'ams-hvo-querido', centrumgemeenteId: null },
  { username: 'shelter.zienn', role: 'SHELTER_STAFF', agencyId: 'lwd-zienn', centrumgemeenteId: null },
  { username: 'policy', role: 'POLICY_MAKER', agencyId: null, centrumgemeenteId: null },
  { username: 'admin', role: 'ADMIN', agencyId: null, centrumgemeenteId: null },
];

export async function createDemoAccounts(executor: CypherExecutor): Promise<number> {
  const repos = createRepositories(executor);
  if ((await repos.accounts.count()) > 0) return 0;
  for (const account of demoAccounts) await repos.accounts.create({ ...account, password: DEMO_PASSWORD });
  return demoAccounts.length;
}
