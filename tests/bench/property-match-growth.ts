// What a lookup by a householdId or accountId property costs on Grafeo 0.6, beside the same lookup over the
// household's edges, for 20 households, with their access log empty and again after it has grown (every read adds
// an entry carrying the household's and the account's id). Measured on a 50,000-household store after a full gap
// evaluation: `g.householdId IN [$id]` read every finding in the store (15-18 ms, growing with the store) where the
// GAP_OF edges take 0.1-0.3 ms; the single-value matches on confirmations, notices and access requests stayed at
// 0.1 ms, with or without 40,000 log entries. On a store of tests/bench/throughput-store.ts (run
// tests/bench/gap-eval.ts on it first for findings); it adds log entries, so run it on a copy.
//
//   BENCH_STORE_DIR=<copy of a store> tsx tests/bench/property-match-growth.ts
import { z } from 'zod';
import { cypher, statement } from '@ketenkaart/api';
import { openStoreToGrow, timeAsTheLogGrows } from './log-growth.js';

const { executor, repos, households, accountId } = openStoreToGrow();
const Count = z.object({ n: z.number() });

const probes = {
  'confirmations by property': statement(
    'probeConfirmationsByProperty',
    cypher`
MATCH (c:ShelterLinkConfirmation {householdId: $id})
RETURN count(c) AS n`,
    Count,
  ),
  'confirmations over edges': statement(
    'probeConfirmationsOverEdges',
    cypher`
MATCH (:Household {id: $id})<-[:CONFIRMS_LINK_TO]-(c:ShelterLinkConfirmation)
RETURN count(c) AS n`,
    Count,
  ),
  'notices by property': statement(
    'probeNoticesByProperty',
    cypher`
MATCH (n:InvolvementNotice)
WHERE n.householdId = $id
RETURN count(n) AS n`,
    Count,
  ),
  'requests by account property': statement(
    'probeRequestsByAccount',
    cypher`
MATCH (q:AccessRequest {accountId: $account}) WHERE q.status = 'PENDING'
RETURN count(q) AS n`,
    Count,
  ),
  'findings by property': statement(
    'probeFindingsByProperty',
    cypher`
MATCH (g:GapFinding)
WHERE g.householdId IN [$id]
RETURN count(g) AS n`,
    Count,
  ),
  'findings over edges': statement(
    'probeFindingsOverEdges',
    cypher`
MATCH (:Household {id: $id})<-[:GAP_OF]-(g:GapFinding)
RETURN count(g) AS n`,
    Count,
  ),
};

const lookups = {
  ...Object.fromEntries(
    Object.entries(probes).map(([name, probe]) => [
      name,
      (id: string) => executor.read((tx) => tx.run(probe, probe.params.includes('account') ? { account: accountId } : { id })),
    ]),
  ),
  'gaps of a household (repository)': (id: string) => repos.gaps.findingsOfHouseholds([id], 100),
};
await timeAsTheLogGrows(repos, households, accountId, lookups);
await executor.close();
