// Accounts and sessions. Passwords are argon2id hashes; session tokens are stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { Role, type Account } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { opt } from './rows.js';

const AccountRow = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
  agencyId: opt(z.string()),
  centrumgemeenteId: opt(z.string()),
  active: z.boolean(),
});

const LoginRow = AccountRow.extend({
  passwordHash: z.string(),
  failedAttempts: z.number().int(),
  lockedUntil: opt(z.string()),
});

const createAccount = statement('createAccount', cypher`
CREATE (a:Account)
SET a += $account, a.createdAt = datetime($now), a.failedAttempts = 0
WITH a
OPTIONAL MATCH (agency:Agency {id: $account.agencyId})
FOREACH (_ IN CASE WHEN agency IS NULL THEN [] ELSE [1] END | CREATE (a)-[:WORKS_FOR]->(agency))
WITH a
OPTIONAL MATCH (city:Centrumgemeente {id: $account.centrumgemeenteId})
FOREACH (_ IN CASE WHEN city IS NULL THEN [] ELSE [1] END | CREATE (a)-[:COORDINATES]->(city))
RETURN a.id AS id`, z.object({ id: z.string() }));

const accountForLogin = statement('accountForLogin', cypher`
MATCH (a:Account {username: $username})
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId,
  a.active AS active, a.passwordHash AS passwordHash, a.failedAttempts AS failedAttempts, toString(a.lockedUntil) AS lockedUntil`,
  LoginRow);

const recordFailure = statement('recordLoginFailure', cypher`
MATCH (a:Account {id: $id})
SET a.failedAttempts = a.failedAttempts + 1,
  a.lockedUntil = CASE WHEN $lockedUntil IS NULL THEN a.lockedUntil ELSE datetime($lockedUntil) END
RETURN a.failedAttempts AS failedAttempts`, z.object({ failedAttempts: z.number().int() }));

const recordSuccess = statement('recordLoginSuccess', cypher`
MATCH (a:Account {id: $id})
SET a.failedAttempts = 0, a.lockedUntil = null, a.lastLoginAt = datetime($now)
RETURN a.id AS id`, z.object({ id: z.string() }));

const createSession = statement('createSession', cypher`
MATCH (a:Account {id: $accountId})
CREATE (s:Session {tokenHash: $tokenHash, csrfToken: $csrfToken, accountId: $accountId,
  createdAt: datetime($now), expiresAt: datetime($expiresAt)})
CREATE (s)-[:SESSION_OF]->(a)
RETURN s.tokenHash AS tokenHash`, z.object({ tokenHash: z.string() }));

const sessionByToken = statement('sessionByToken', cypher`
MATCH (s:Session {tokenHash: $tokenHash})-[:SESSION_OF]->(a:Account)
WHERE s.expiresAt > datetime($now) AND a.active = true
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId,
  a.active AS active, s.csrfToken AS csrfToken, toString(s.expiresAt) AS expiresAt`,
  AccountRow.extend({ csrfToken: z.string(), expiresAt: z.string() }));

const deleteSession = statement('deleteSession', cypher`
MATCH (s:Session {tokenHash: $tokenHash})
DETACH DELETE s
RETURN count(*) AS deleted`, z.object({ deleted: z.number().int() }));

const countAccounts = statement('countAccounts', cypher`
MATCH (a:Account) RETURN count(a) AS n`, z.object({ n: z.number().int() }));

const accountsPage = statement('accountsPage', cypher`
MATCH (a:Account)
WHERE $after IS NULL OR a.username > $after
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId, a.active AS active
ORDER BY a.username
LIMIT $limit`, AccountRow);

const setActive = statement('setAccountActive', cypher`
MATCH (a:Account {id: $id})
SET a.active = $active, a.updatedAt = datetime($now), a.updatedBy = $by
RETURN a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId, a.centrumgemeenteId AS centrumgemeenteId, a.active AS active`,
  AccountRow);

// Sessions carry their account id, so closing them needs no expand from the account (a hub for long-lived users).
const deleteSessionsOf = statement('deleteSessionsOfAccount', cypher`
MATCH (s:Session {accountId: $id})
DETACH DELETE s
RETURN count(*) AS n`, z.object({ n: z.number().int() }));

const usernameTaken = statement('usernameTaken', cypher`
OPTIONAL MATCH (a:Account {username: $username})
RETURN a IS NOT NULL AS taken`, z.object({ taken: z.boolean() }));

/** After this many failures in a row an account waits, doubling each time (back-off), up to an hour. */
export const LOGIN_FAILURES_BEFORE_BACKOFF = 5;
export const SESSION_HOURS = 8;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type LoginResult =
  | { ok: true; account: Account; token: string; csrfToken: string; expiresAt: string }
  | { ok: false; reason: 'INVALID_CREDENTIALS' | 'LOCKED'; retryAfterSeconds: number | null };

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
      const [row] = await executor.read((tx) => tx.run(countAccounts));
      return row?.n ?? 0;
    },

    async page(first: number, after: string | null) {
      return executor.read((tx) => tx.run(accountsPage, { after, limit: first + 1 }));
    },

    /**
     * Checks a password and opens a session. An unknown user costs a hash like a known one, so timing does not
     * tell which usernames exist; repeated failures lock the account for a growing while.
     */
    async login(username: string, password: string): Promise<LoginResult> {
      const at = now();
      const [row] = await executor.read((tx) => tx.run(accountForLogin, { username }));
      if (!row || !row.active) {
        await verify(DUMMY_HASH, password).catch(() => false);
        return { ok: false, reason: 'INVALID_CREDENTIALS', retryAfterSeconds: null };
      }
      if (row.lockedUntil && Date.parse(row.lockedUntil) > at.getTime()) {
        return { ok: false, reason: 'LOCKED', retryAfterSeconds: Math.ceil((Date.parse(row.lockedUntil) - at.getTime()) / 1000) };
      }
      const valid = await verify(row.passwordHash, password).catch(() => false);
      if (!valid) {
        const failures = row.failedAttempts + 1;
        const lockedUntil =
          failures >= LOGIN_FAILURES_BEFORE_BACKOFF
            ? new Date(at.getTime() + Math.min(3600, 30 * 2 ** (failures - LOGIN_FAILURES_BEFORE_BACKOFF)) * 1000).toISOString()
            : null;
        await executor.write((tx) => tx.run(recordFailure, { id: row.id, lockedUntil }));
        return { ok: false, reason: 'INVALID_CREDENTIALS', retryAfterSeconds: null };
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3600_000).toISOString();
      await executor.write(async (tx) => {
        await tx.run(recordSuccess, { id: row.id, now: at.toISOString() });
        await tx.run(createSession, { accountId: row.id, tokenHash: hashToken(token), csrfToken, now: at.toISOString(), expiresAt });
      });
      const { passwordHash: _hash, failedAttempts: _failures, lockedUntil: _locked, ...account } = row;
      return { ok: true, account, token, csrfToken, expiresAt };
    },

    async session(token: string) {
      const [row] = await executor.read((tx) => tx.run(sessionByToken, { tokenHash: hashToken(token), now: now().toISOString() }));
      return row ?? null;
    },

    async usernameTaken(username: string): Promise<boolean> {
      const [row] = await executor.read((tx) => tx.run(usernameTaken, { username }));
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

export type AccountRepository = ReturnType<typeof createAccountRepository>;
