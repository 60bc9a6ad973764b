// Where the coordinator's worklist statements spend their time (npx tsx tests/bench/worklist-plan.ts <store dir>):
// opens a store written by worklist-profile.ts (WORKLIST_STORE) with Grafeo itself and prints the PROFILE operator
// tree of worklistCoordinatorBlocks and of worklistCoordinatorPage for Amsterdam's first page by due day, each
// operator with its rows and its own time. Statement texts and parameters are those the repository uses.
// Not part of npm test; nothing asserted.
import grafeo, { type OperatorProfile } from '@grafeo-db/js';
import { registeredStatements } from '@ketenkaart/api';
import { STORE_FILE } from '../../api/src/db/grafeo-executor.js';
import { blocksOfPage } from '../../api/src/repositories/worklist-repository.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: worklist-plan.ts <store dir>');
const db = grafeo.GrafeoDB.open(`${dir}/${STORE_FILE}`);
const textOf = (name: string) => registeredStatements().find((s) => s.name === name)!.text;
const print = (op: OperatorProfile, depth = 0): void => {
  console.log(
    `${'  '.repeat(depth)}${op.operator}(${op.operator === 'NodeList' ? op.detail : op.detail.slice(0, 120)}) rows ${op.rows} self ${op.selfTimeMs.toFixed(1)} ms, total ${op.timeMs.toFixed(1)} ms`,
  );
  for (const child of op.children) print(child, depth + 1);
};
const profiled = async (name: string, params: Record<string, unknown>) => {
  const result = await db.executeCypher(`PROFILE ${textOf(name)}`, params);
  console.log(`${name}: ${result.profile!.totalTimeMs.toFixed(1)} ms`);
  print(result.profile!.root);
  return result;
};

const today = new Date().toISOString().slice(0, 10);
const horizon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const cityId = 'amsterdam';
const plain = await db.executeCypher(textOf('worklistCoordinatorBlocks'), { cityId, horizon, today });
const blocks = plain.toArray() as { kind: string; day: string; rank: number; overdue: boolean; count: number }[];
console.log(`${blocks.length} blocks, ${blocks.reduce((sum, b) => sum + Number(b.count), 0)} items`);
await profiled('worklistCoordinatorBlocks', { cityId, horizon, today });
const span = blocksOfPage(
  blocks.map((b) => ({ ...b, rank: Number(b.rank), count: Number(b.count) })),
  { kinds: null, overdueOnly: false, bySeverity: false },
  0,
  25,
)!;
await profiled('worklistCoordinatorPage', {
  cityId,
  horizon,
  today,
  kinds: null,
  overdueOnly: false,
  bySeverity: false,
  fromBlock: span.fromBlock,
  toBlock: span.toBlock,
  skip: span.skip,
  limit: 25,
  gapDays: span.gapDays.map((day) => `${cityId}|${day}`),
});
db.close();
