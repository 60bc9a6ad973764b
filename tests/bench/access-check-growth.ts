// Does a request's store work grow with the access log it writes? Times each statement of a signed-in household
// read (session, access facts in both scopes, the trajectory's four reads, the log write) for 20 households, with the
// viewer's log empty and again after it has grown, spread over those households. On a store of
// tests/bench/throughput-store.ts; it adds log entries of a made-up account, so run it on a copy.
//
//   BENCH_STORE_DIR=<copy of a store> tsx tests/bench/access-check-growth.ts
import { logEntry, openStoreToGrow, timeAsTheLogGrows } from './log-growth.js';

const { handoff, executor, repos, households, accountId } = openStoreToGrow();
const statements: Record<string, (id: string) => Promise<unknown>> = {
  session: () => repos.accounts.session(handoff.tokens[0]!),
  'facts (region)': (id) => repos.access.facts([id], accountId, 'REGION'),
  'facts (care)': (id) => repos.access.facts([id], accountId, 'CARE'),
  events: (id) => repos.events.eventsByHousehold([id]),
  referrals: (id) => repos.referrals.referralsByHousehold([id]),
  regie: (id) => repos.regie.regieByHousehold([id]),
  refusals: (id) => repos.shelter.refusalsOfHouseholds([id]),
  'log write': (id) => repos.access.append([logEntry(accountId, id)]),
};

await timeAsTheLogGrows(repos, households, accountId, statements);
await executor.close();
