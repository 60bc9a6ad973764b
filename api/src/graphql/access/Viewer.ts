// Sign-in: sessions in an httpOnly SameSite cookie for the web app, bearer tokens for API clients.
import { SESSION_COOKIE, type Context } from '../../context.js';
import { SESSION_HOURS } from '../../repositories/account-repository.js';
import { requireViewer } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { RoleEnum } from '../households/household-enums.js';
import { AgencyRef } from '../reference/Agency.js';
import { CentrumgemeenteRef } from '../refs.js';
import type { Viewer } from '../../access/viewer.js';

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The signed-in account (pseudonymous) and its scope.',
  fields: (t) => ({
    accountId: t.exposeID('accountId', { description: 'Account id.' }),
    username: t.exposeString('username', { description: 'Username.' }),
    role: t.field({ type: RoleEnum, description: 'Role.', resolve: (v) => v.role }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency the account works for.',
      resolve: (v, _a, ctx) => (v.agencyId ? ctx.loaders.agency.load(v.agencyId) : null),
    }),
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      nullable: true,
      description: 'Region the account works for.',
      resolve: (v, _a, ctx) => (v.centrumgemeenteId ? ctx.loaders.centrumgemeente.load(v.centrumgemeenteId) : null),
    }),
    csrfToken: t.exposeString('csrfToken', { description: 'Send as the x-csrf-token header with every request of a cookie session.' }),
  }),
});

const SessionRef = builder.objectRef<{ viewer: Viewer; token: string; expiresAt: string }>('Session').implement({
  description: 'A new session. The web app uses the cookie set with it; API clients send `Authorization: Bearer <token>`.',
  fields: (t) => ({
    viewer: t.field({ type: ViewerRef, description: 'Who signed in.', resolve: (s) => s.viewer }),
    token: t.exposeString('token', { description: 'Bearer token for API clients; keep it secret.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the session ends.', resolve: (s) => s.expiresAt }),
  }),
});

function sessionCookie(ctx: Context, token: string, maxAgeSeconds: number): string {
  const secure = ctx.secureCookies ? '; Secure' : '';
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure}`;
}

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    nullable: true,
    description: 'The signed-in account, or null.',
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: SessionRef,
    description: 'Sign in (inloggen). Repeated attempts for one username from one place wait longer each time.',
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    args: {
      username: t.arg.string({ required: true, description: 'Username.' }),
      password: t.arg.string({ required: true, description: 'Password.' }),
    },
    resolve: async (_root, { username, password }, ctx) => {
      if (username.length > 64 || password.length > 256)
        throw new ValidationError([{ path: ['username'], code: 'TOO_LONG', params: { maximum: 64 } }]);
      // Counted before the password is checked: attempts sent in parallel are refused once over the count.
      const decision = await ctx.limits.signIn.attempt(username, ctx.clientKey);
      const result = decision.allowed ? await ctx.repos.accounts.login(username, password) : null;
      if (result?.ok) await ctx.limits.signIn.succeeded(username, ctx.clientKey);
      await ctx.repos.access.append([
        {
          accountId: result?.ok ? result.account.id : (result?.accountId ?? null),
          role: result?.ok ? result.account.role : null,
          agencyId: result?.ok ? result.account.agencyId : null,
          action: 'LOGIN',
          operation: 'mutation:login',
          householdId: null,
          // NEN 7513: a failed sign-in is logged with the username that was tried.
          searchTerms: result?.ok ? null : username,
          basis: result?.ok ? 'password' : result ? 'INVALID_CREDENTIALS' : 'THROTTLED',
          outcome: result?.ok ? 'ALLOWED' : 'REFUSED',
          breakGlass: false,
          requestId: ctx.requestId,
        },
      ]);
      if (!decision.allowed)
        throw new ForbiddenError(`too many sign-in attempts; try again in ${decision.retryAfterSeconds} seconds`, 'SIGN_IN_THROTTLED');
      if (!result?.ok) throw new ForbiddenError('unknown username or wrong password', 'SIGN_IN_FAILED');
      ctx.cookies.push(sessionCookie(ctx, result.token, SESSION_HOURS * 3600));
      const viewer: Viewer = {
        accountId: result.account.id,
        username: result.account.username,
        role: result.account.role,
        agencyId: result.account.agencyId,
        centrumgemeenteId: result.account.centrumgemeenteId,
        via: 'cookie',
        csrfToken: result.csrfToken,
      };
      return { viewer, token: result.token, expiresAt: result.expiresAt };
    },
  }),
  logout: t.boolean({
    description: 'Sign out (uitloggen): ends the session and clears the cookie.',
    resolve: async (_root, _args, ctx) => {
      requireViewer(ctx);
      if (ctx.sessionToken) await ctx.repos.accounts.logout(ctx.sessionToken);
      ctx.cookies.push(sessionCookie(ctx, '', 0));
      return true;
    },
  }),
}));
