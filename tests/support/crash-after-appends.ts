// For tests/integration/appends.int.test.ts: opens the embedded store in <dataDir>, appends <count> access-log
// entries about <householdId> side by side (request ids crash-0, crash-1, ...), says so on stdout once every append
// has resolved, and kills its own process at once, before the store can have committed them.
//
//   node --import tsx tests/support/crash-after-appends.ts <dataDir> <count> <householdId> <accountId>
import { writeSync } from 'node:fs';
import { createExecutor, createRepositories } from '@ketenkaart/api';

const [dataDir, count, householdId, accountId] = process.argv.slice(2);
if (!dataDir || !count || !householdId || !accountId)
  throw new Error('usage: crash-after-appends.ts <dataDir> <count> <householdId> <accountId>');
const repos = createRepositories(createExecutor({ kind: 'grafeo', dataDir }));
await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    repos.access.append([
      {
        accountId,
        role: 'COORDINATOR',
        agencyId: null,
        householdId,
        searchTerms: null,
        basis: 'crash test',
        breakGlass: false,
        requestId: `crash-${i}`,
        action: 'READ',
        operation: 'query:household',
        outcome: 'ALLOWED',
      },
    ]),
  ),
);
// Synchronous: the line is out before the kill. The commits need the event loop to turn, which it does not.
writeSync(1, 'appended\n');
process.kill(process.pid, 'SIGKILL');
