// Account administration (beheer): administrators list accounts, create them with a role and its scope, and
// switch them off (which ends their sessions). Every change is in the access log.
import { z } from 'zod';
import { Password, Role, Username, type Account } from '@ketenkaart/schema';
import { refuse, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError, type FieldProblemInput } from '../errors.js';
import { decodeCursor, pageSize, toConnection } from '../pagination.js';
import { pageOf } from '../../repositories/rows.js';
import { AgencyRef } from '../reference/Agency.js';
import { RoleEnum } from '../households/household-enums.js';
import { CentrumgemeenteRef } from '../refs.js';
import { parseInput } from '../results.js';

const AccountRef = builder.objectRef<Account>('Account').implement({
  description: 'An account (gebruiker): pseudonymous username, role and scope. Never a password or a session.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Account id.' }),
    username: t.exposeString('username', { description: 'Username.' }),
    role: t.field({ type: RoleEnum, description: 'Role.', resolve: (a) => a.role }),
    active: t.exposeBoolean('active', { description: 'False when switched off; it cannot sign in.' }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency of an agency worker or shelter staff member.',
      resolve: (a, _x, ctx) => (a.agencyId ? ctx.loaders.agency.load(a.agencyId) : null),
    }),
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      nullable: true,
      description: 'Region of a coordinator.',
      resolve: (a, _x, ctx) => (a.centrumgemeenteId ? ctx.loaders.centrumgemeente.load(a.centrumgemeenteId) : null),
    }),
  }),
});

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  description: 'A new account. Coordinators need a region; agency workers and shelter staff an agency.',
  fields: (t) => ({
    username: t.string({ required: true, description: 'Lower-case letters, digits, ".", "_" and "-"; no real names needed.' }),
    password: t.string({ required: true, description: 'At least 12 characters; hand it over outside Ketenkaart.' }),
    role: t.field({ type: RoleEnum, required: true, description: 'Role.' }),
    agencyId: t.id({ description: 'Agency (agency workers, shelter staff).' }),
    centrumgemeenteId: t.id({ description: 'Region (coordinators).' }),
  }),
});

/** The scope each role needs, and no more: a policy maker tied to an agency would suggest access it does not have. */
const scopeOf: Record<Role, 'agency' | 'region' | 'none'> = {
  COORDINATOR: 'region',
  AGENCY_WORKER: 'agency',
  SHELTER_STAFF: 'agency',
  POLICY_MAKER: 'none',
  ADMIN: 'none',
};

const errors = { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true as const };

builder.queryFields((t) => ({
  accounts: t.connection({
    type: AccountRef,
    description: 'All accounts by username (administrators).',
    authScopes: { role: 'ADMIN' },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.repos.accounts.page(first, decodeCursor(args.after));
      return toConnection(pageOf(rows, first), (a) => a.username);
    },
  }),
}));

builder.mutationFields((t) => ({
  createAccount: t.field({
    type: AccountRef,
    description: 'Create an account with a role and its scope (administrators).',
    errors,
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const admin = requireWriter(ctx, ['ADMIN']);
      const parsed = parseInput(
        z.object({
          username: Username,
          password: Password,
          role: Role,
          agencyId: z.string().max(120).nullable(),
          centrumgemeenteId: z.string().max(120).nullable(),
        }),
        {
          ...input,
          agencyId: input.agencyId ? input.agencyId : null,
          centrumgemeenteId: input.centrumgemeenteId ? input.centrumgemeenteId : null,
        },
      );
      const scope = scopeOf[parsed.role];
      const problems: FieldProblemInput[] = [];
      if (scope === 'agency' && !parsed.agencyId) problems.push({ path: ['input', 'agencyId'], code: 'ROLE_NEEDS_AGENCY' });
      if (scope === 'region' && !parsed.centrumgemeenteId)
        problems.push({ path: ['input', 'centrumgemeenteId'], code: 'ROLE_NEEDS_REGION' });
      if (scope !== 'agency' && parsed.agencyId) problems.push({ path: ['input', 'agencyId'], code: 'ROLE_HAS_NO_AGENCY' });
      if (scope !== 'region' && parsed.centrumgemeenteId)
        problems.push({ path: ['input', 'centrumgemeenteId'], code: 'ROLE_HAS_NO_REGION' });
      const agency = parsed.agencyId ? await ctx.loaders.agency.load(parsed.agencyId) : null;
      if (parsed.agencyId && !agency)
        problems.push({ path: ['input', 'agencyId'], code: 'NO_SUCH', params: { entity: 'agency', value: parsed.agencyId } });
      // The role decides what the account reads: shelter staff the households at the facilities their organisation
      // runs, an agency worker the households its agency has a care relation and consent for. An agency worker account
      // at a shelter organisation, or shelter staff at one without a facility, would read by the wrong rule.
      if (agency && (parsed.role === 'SHELTER_STAFF' || parsed.role === 'AGENCY_WORKER')) {
        const runsShelter = (await ctx.repos.reference.facilities({ agencyId: agency.id }, 1, null)).items.length > 0;
        if (parsed.role === 'SHELTER_STAFF' && !runsShelter)
          problems.push({ path: ['input', 'agencyId'], code: 'SHELTER_STAFF_NEEDS_SHELTER', params: { value: agency.name } });
        if (parsed.role === 'AGENCY_WORKER' && runsShelter)
          problems.push({ path: ['input', 'agencyId'], code: 'AGENCY_WORKER_NOT_AT_SHELTER', params: { value: agency.name } });
      }
      if (parsed.centrumgemeenteId && !(await ctx.loaders.centrumgemeente.load(parsed.centrumgemeenteId)))
        problems.push({
          path: ['input', 'centrumgemeenteId'],
          code: 'NO_SUCH',
          params: { entity: 'region', value: parsed.centrumgemeenteId },
        });
      if (await ctx.repos.accounts.usernameTaken(parsed.username)) problems.push({ path: ['input', 'username'], code: 'TAKEN' });
      if (problems.length) throw new ValidationError(problems);
      const account = await ctx.repos.accounts.create(parsed);
      await ctx.access.log({
        action: 'CHANGE',
        outcome: 'ALLOWED',
        operation: 'createAccount',
        basis: `account ${account.id} (${account.role}) by ${admin.accountId}`,
      });
      return account;
    },
  }),
  setAccountActive: t.field({
    type: AccountRef,
    description: 'Switch an account off (its sessions end at once) or on again (administrators).',
    errors,
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const admin = requireWriter(ctx, ['ADMIN']);
      const id = args.id;
      if (id === admin.accountId && !args.active) throw refuse(ctx, 'you cannot switch off your own account', {}, 'OWN_ACCOUNT');
      const account = await ctx.repos.accounts.setActive(id, args.active, admin.accountId);
      if (!account) throw new NotFoundError('Account', id);
      await ctx.access.log({
        action: 'CHANGE',
        outcome: 'ALLOWED',
        operation: 'setAccountActive',
        basis: `account ${id} ${args.active ? 'on' : 'off'} by ${admin.accountId}`,
      });
      return account;
    },
  }),
}));
