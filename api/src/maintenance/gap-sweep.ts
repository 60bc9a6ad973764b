// The gap sweep (hourly). Findings are refreshed whenever a household's facts change, but a deadline passes without
// any change: no contact 14 days after a signal is a gap on day 15 although nothing was recorded. Each evaluation
// notes the day its findings could turn by time alone; the sweep evaluates, city by city, the households whose
// day has come and any never evaluated, and records the run.
import type { CypherExecutor } from '../db/executor.js';
import { createGapService } from '../gaps/gap-service.js';
import { createRepositories } from '../repositories/index.js';

export interface GapSweepResult {
  cities: number;
  households: number;
  changedHouseholds: number;
}

export async function sweepGaps(executor: CypherExecutor, options: { now: Date }): Promise<GapSweepResult> {
  const now = () => options.now;
  const repos = createRepositories(executor, now);
  const gaps = createGapService(repos, now);
  const result: GapSweepResult = { cities: 0, households: 0, changedHouseholds: 0 };
  for (const city of await repos.reference.listCentrumgemeenten()) {
    const swept = await gaps.evaluateCity(city.id, { dueOnly: true });
    result.cities += 1;
    result.households += swept.households;
    result.changedHouseholds += swept.changedHouseholds;
  }
  await repos.gaps.recordSweep(result);
  return result;
}
