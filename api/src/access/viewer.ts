// The signed-in viewer of a request: a pseudonymous account with a role and its scope (agency, region).
import type { Role } from '@ketenkaart/schema';

export interface Viewer {
  accountId: string;
  username: string;
  role: Role;
  agencyId: string | null;
  centrumgemeenteId: string | null;
  /** How the request authenticated: cookie sessions need a CSRF token on writes, bearer tokens do not. */
  via: 'cookie' | 'bearer';
  csrfToken: string;
}
