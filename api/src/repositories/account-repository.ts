// Accounts and sessions. Passwords are argon2id hashes; session tokens are stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { Role, type Account } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { referenceStampOf } from './reference-cache.js';
import { opt } from './rows.js';

const AccountRow = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
  agencyId: opt(z.string()),
  centrumgemeenteId: opt(z.string()),
  active: z.boolean(),
});

const LoginRow = AccountRow.extend({ passwordHash: z.string() });

const createAccount = statement(
  'createAccount',
  cypher`
CREATE (a:Account)
SET a += $account, a.createdAt = datetime($now)
WITH a
OPTIONAL MATCH (agency:Agency {id: $account.agencyId})
FOREACH (_ IN CASE WHEN agency IS NULL THEN [] ELSE [1] END | CREATE (a)-[:WORKS_FOR]->(agency))
WITH a
OPTIONAL MATCH (city:Centrumgemeente {id: $account.centrumgemeenteId})
FOREACH (_ IN CASE WHEN city IS NULL THEN [] ELSE [1] END | CREATE (a)-[:COORDINATES]->(city))
RETURN a.id AS id`,
  z.object({ id: z.string() }),
);

const accountForLogin = statement(
  'accountForLogin',
  cypher`
MATCH (a:Account {username: $username})
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId,
  a.active AS active, a.passwordHash AS passwordHash`,
  LoginRow,
);

const recordSuccess = statement(
  'recordLoginSuccess',
  cypher`
MATCH (a:Account {id: $id})
SET a.lastLoginAt = datetime($now)
RETURN a.id AS id`,
  z.object({ id: z.string() }),
);

const createSession = statement(
  'createSession',
  cypher`
MATCH (a:Account {id: $accountId})
CREATE (s:Session {tokenHash: $tokenHash, csrfToken: $csrfToken, accountId: $accountId,
  createdAt: datetime($now), expiresAt: datetime($expiresAt)})
CREATE (s)-[:SESSION_OF]->(a)
RETURN s.tokenHash AS tokenHash`,
  z.object({ tokenHash: z.string() }),
);

// A session is live when it has not expired and its account is active. Both tests are returned as the column `live`
// and applied by the repository, not written in a WHERE: Grafeo 0.6 plans a range predicate beside an indexed
// equality label-first, reading every Session node (README, Indexes and the statements that need them), so the
// WHERE made each request's lookup grow with the sessions stored (0.2 against 0.08 ms of CPU at 256 sessions,
// tests/bench/session-lookup-cost.ts; tests/dialect/plans.test.ts holds the plan). Neo4j plans both forms the same:
// the tokenHash index, then one SESSION_OF edge. `live` is null only if a session had no expiry: not live either.
const sessionByToken = statement(
  'sessionByToken',
  cypher`
MATCH (s:Session {tokenHash: $tokenHash})-[:SESSION_OF]->(a:Account)
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId,
  a.active AS active, s.csrfToken AS csrfToken, toString(s.expiresAt) AS expiresAt,
  s.expiresAt > datetime($now) AND a.active = true AS live`,
  AccountRow.extend({ csrfToken: z.string(), expiresAt: z.string(), live: z.boolean().nullable() }),
);

// A request's session and the store's reference stamp in one statement: a statement costs the engine's call, the
// row conversion and its check on the server's one thread however little it reads, and every signed-in request runs
// this one. One row per ReferenceVersion node (normally one), with the session's columns null when the token names
// no session (and `live` false or null when it names one that is not live, as in sessionByToken); no row at all only
// in a store that never had reference data written (see sessionWithReferenceStamp). Neo4j plans the same: the version
// node by its label (one node), then the session by the tokenHash index and one SESSION_OF edge.
const sessionWithReferenceStampByToken = statement(
  'sessionWithReferenceStamp',
  cypher`
MATCH (v:ReferenceVersion)
OPTIONAL MATCH (s:Session {tokenHash: $tokenHash})-[:SESSION_OF]->(a:Account)
RETURN v.stamp AS stamp, a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId,
  a.centrumgemeenteId AS centrumgemeenteId, s.csrfToken AS csrfToken,
  s.expiresAt > datetime($now) AND a.active = true AS live`,
  z.object({
    stamp: z.string().nullable(),
    id: z.string().nullable(),
    username: z.string().nullable(),
    role: Role.nullable(),
    agencyId: opt(z.string()),
    centrumgemeenteId: opt(z.string()),
    csrfToken: z.string().nullable(),
    live: z.boolean().nullable(),
  }),
);

const deleteSession = statement(
  'deleteSession',
  cypher`
MATCH (s:Session {tokenHash: $tokenHash})
DETACH DELETE s
RETURN count(*) AS deleted`,
  z.object({ deleted: z.number().int() }),
);

const countAccounts = statement(
  'countAccounts',
  cypher`
MATCH (a:Account) RETURN count(a) AS n`,
  z.object({ n: z.number().int() }),
);

const accountsPage = statement(
  'accountsPage',
  cypher`
MATCH (a:Account)
WHERE $after IS NULL OR a.username > $after
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId, a.active AS active
ORDER BY a.username
LIMIT $limit`,
  AccountRow,
);

const setActive = statement(
  'setAccountActive',
  cypher`
MATCH (a:Account {id: $id})
SET a.active = $active, a.updatedAt = datetime($now), a.updatedBy = $by
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId, a.active AS active`,
  AccountRow,
);

// Over the account's own edges (its sessions, purged when they expire: few). Matched on the session's accountId,
// Grafeo 0.6 went through every node with that value, the account's access-log entries among them: 8.6 ms for an
// account with 40,000 entries, 0.09 ms over the edges. Neo4j expands the same edges from the account's id constraint.
const deleteSessionsOf = statement(
  'deleteSessionsOfAccount',
  cypher`
MATCH (:Account {id: $id})<-[:SESSION_OF]-(s:Session)
DETACH DELETE s
RETURN count(*) AS n`,
  z.object({ n: z.number().int() }),
);

const usernameTaken = statement(
  'usernameTaken',
  cypher`
OPTIONAL MATCH (a:Account {username: $username})
RETURN a IS NOT NULL AS taken`,
  z.object({ taken: z.boolean() }),
);

export const SESSION_HOURS = 8;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type LoginResult =
  | { ok: true; account: Account; token: string; csrfToken: string; expiresAt: string }
  /** accountId is for the access log only; the caller's answer is the same whether the username exists. */
  | { ok: false; reason: 'INVALID_CREDENTIALS'; accountId: string | null };

export function createAccountRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  return {
    async create(input: Omit<Account, 'id' | 'active'> & { password: string; id?: string }): Promise<Account> {
      const passwordHash = await hash(input.password);
      const id = input.id ?? `acc_${randomBytes(10).toString('hex')}`;
      const account = {
        id,
        username: input.username,
        role: input.role,
        agencyId: input.agencyId,
        centrumgemeenteId: input.centrumgemeenteId,
        active: true,
      };
      await executor.write((tx) =>
        tx.run(createAccount, {
          account: Object.fromEntries(Object.entries({ ...account, passwordHash }).filter(([, v]) => v !== null)),
          now: now().toISOString(),
        }),
      );
      return account;
    },

    async count(): Promise<number> {
      const [row] = await executor.readStatement(countAccounts);
      return row?.n ?? 0;
    },

    async page(first: number, after: string | null) {
      return executor.readStatement(accountsPage, { after, limit: first + 1 });
    },

    /**
     * Checks a password and opens a session. A failure takes the same steps whether the username exists, is
     * switched off or is wrong (one lookup, one argon2 check against a real or a dummy hash, no write), so neither
     * the answer nor its timing tells which usernames exist. Throttling is the caller's (access/sign-in-throttle.ts):
     * nothing is stored per account that an outsider could use to lock its owner out.
     */
    async login(username: string, password: string): Promise<LoginResult> {
      const at = now();
      const [row] = await executor.readStatement(accountForLogin, { username });
      const usable = row?.active ? row : null;
      const valid = await verify(usable?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
      if (!usable || !valid) return { ok: false, reason: 'INVALID_CREDENTIALS', accountId: row?.id ?? null };
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3600_000).toISOString();
      await executor.write(async (tx) => {
        await tx.run(recordSuccess, { id: usable.id, now: at.toISOString() });
        await tx.run(createSession, { accountId: usable.id, tokenHash: hashToken(token), csrfToken, now: at.toISOString(), expiresAt });
      });
      const { passwordHash: _hash, ...account } = usable;
      return { ok: true, account, token, csrfToken, expiresAt };
    },

    async session(token: string) {
      const [row] = await executor.readStatement(sessionByToken, { tokenHash: hashToken(token), now: now().toISOString() });
      if (!row?.live) return null;
      const { live: _live, ...session } = row;
      return session;
    },

    /**
     * A request's session and the store's reference stamp, in one statement (sessionWithReferenceStampByToken): the
     * reference cache needs the stamp of every request, and every statement and transaction costs the server's one
     * thread. The stamp is the one referenceStampIn reads (referenceStampOf).
     */
    async sessionWithReferenceStamp(token: string): Promise<{ session: SessionAccount | null; referenceStamp: string }> {
      const params = { tokenHash: hashToken(token), now: now().toISOString() };
      // A statement alone (readStatement): every signed-in request runs it, and it needs no second one.
      const rows = await executor.readStatement(sessionWithReferenceStampByToken, params);
      if (rows.length === 0) {
        // No ReferenceVersion node yet: the stamp is '' and the session is read on its own.
        const [row] = await executor.readStatement(sessionByToken, params);
        return { session: row?.live ? sessionAccountOf(row) : null, referenceStamp: '' };
      }
      const referenceStamp = referenceStampOf(rows);
      const [{ id, username, role, agencyId, centrumgemeenteId, csrfToken, live }] = rows as [(typeof rows)[number]];
      const session = live === true && id !== null && username !== null && role !== null && csrfToken !== null;
      return {
        session: session ? { id, username, role, agencyId, centrumgemeenteId, active: true, csrfToken } : null,
        referenceStamp,
      };
    },

    async usernameTaken(username: string): Promise<boolean> {
      const [row] = await executor.readStatement(usernameTaken, { username });
      return row?.taken ?? false;
    },

    /** Switches an account on or off; switching off ends its sessions in the same transaction. */
    async setActive(id: string, active: boolean, by: string): Promise<Account | null> {
      return executor.write(async (tx) => {
        const [account] = await tx.run(setActive, { id, active, by, now: now().toISOString() });
        if (account && !active) await tx.run(deleteSessionsOf, { id });
        return account ?? null;
      });
    },

    async logout(token: string): Promise<void> {
      await executor.write((tx) => tx.run(deleteSession, { tokenHash: hashToken(token) }));
    },
  };
}

// A valid argon2id hash of a random secret: verifying against it takes as long as a real check.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ecgSGQMuDaVF4YRxYmCEfQ$muAWRPMb7+KSbMLprEZFZJDMvSyuS6CyNbVb5t/jUqk';

/** The signed-in account a request's session names, with the session's CSRF token. */
export type SessionAccount = Account & { csrfToken: string };

function sessionAccountOf({ id, username, role, agencyId, centrumgemeenteId, active, csrfToken }: SessionAccount): SessionAccount {
  return { id, username, role, agencyId, centrumgemeenteId, active, csrfToken };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
