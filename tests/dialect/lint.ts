// Lints Cypher with Neo4j's own language support, and refuses what Grafeo lacks, so one dialect serves both engines.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

export interface LintProblem {
  message: string;
  severity: 'error' | 'warning';
}

/** Functions one of the two engines lacks (see README, "One Cypher dialect"). */
const outsideCommonSubset: { pattern: RegExp; message: string }[] = [
  {
    pattern: /duration\.between|duration\.inDays|duration\.inMonths|duration\.inSeconds/i,
    message: 'duration.between/inDays are not in Grafeo',
  },
  { pattern: /\bround\s*\([^()]*,[^()]*\)/i, message: 'round(x, n) is not in Grafeo; round in the repository instead' },
  { pattern: /\b(apoc|gds)\./i, message: 'APOC and GDS procedures are not in Grafeo' },
];

export function lintStatement(query: string, params: readonly string[]): LintProblem[] {
  const parameters = Object.fromEntries(params.map((name) => [name, null]));
  const result = lintCypherQuery(query, { parameters }) as { diagnostics: { message: string; severity?: number }[] };
  const problems: LintProblem[] = result.diagnostics.map((d) => ({ message: d.message, severity: d.severity === 1 ? 'error' : 'warning' }));
  for (const rule of outsideCommonSubset) {
    if (rule.pattern.test(query)) problems.push({ message: rule.message, severity: 'error' });
  }
  return problems;
}
