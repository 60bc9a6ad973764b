// A digest of the graph's facts (not the access log, sessions or sign-in counters), to show that a refused step
// changed nothing.
import { z } from 'zod';
import { cypher, statement, type CypherExecutor } from '@ketenkaart/api';

const factCounts = statement(
  'testFactDigest',
  cypher`
MATCH (n) WHERE NOT n:AccessLogEntry AND NOT n:Session AND NOT n:SignInCounter
WITH count(n) AS nodes
MATCH (a)-[r]->(b) WHERE NOT a:AccessLogEntry AND NOT a:Session
WITH nodes, count(r) AS relationships
OPTIONAL MATCH (ref:Referral)
WITH nodes, relationships, ref ORDER BY ref.id
WITH nodes, relationships, collect(ref.id + ':' + ref.status) AS referrals
OPTIONAL MATCH (g:RegieAssignment)
WITH nodes, relationships, referrals, g ORDER BY g.id
RETURN nodes, relationships, referrals, collect(g.id + ':' + coalesce(toString(g.to), 'open')) AS regie`,
  z.object({ nodes: z.number(), relationships: z.number(), referrals: z.array(z.string()), regie: z.array(z.string()) }),
);

export async function factDigest(executor: CypherExecutor): Promise<string> {
  const [row] = await executor.read((tx) => tx.run(factCounts));
  return JSON.stringify(row);
}
