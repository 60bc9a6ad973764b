// Writing the consent a family gave: one statement, for consent recorded on its own (recordConsent) and for consent
// given at registration, which is written in the registration's own transaction.
import type { ConsentMethod, ConsentPurpose } from '@ketenkaart/schema';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherTx } from '../db/executor.js';
import { newId } from './ids.js';

const createConsent = statement(
  'createConsent',
  cypher`
MATCH (h:Household {id: $householdId})
CREATE (c:Consent)
SET c += $consent, c.from = date($from), c.to = date($to), c.recordedAt = datetime($now)
CREATE (c)-[:CONSENT_FOR]->(h)
WITH c
UNWIND $consent.recipientAgencyIds AS agencyId
MATCH (a:Agency {id: agencyId})
CREATE (c)-[:CONSENT_TO]->(a)
RETURN DISTINCT c.id AS id`,
  z.object({ id: z.string() }),
);

export const newConsentId = () => newId('event').replace(/^ev_/, 'con_');

export interface NewConsent {
  id: string;
  householdId: string;
  purpose: z.infer<typeof ConsentPurpose>;
  recipientAgencyIds: string[];
  from: string;
  to: string;
  method: z.infer<typeof ConsentMethod>;
}

/** Who recorded the consent (the family gave it). */
export interface ConsentRecorder {
  accountId: string;
  agencyId: string | null;
}

export async function writeConsent(tx: CypherTx, consent: NewConsent, recorder: ConsentRecorder, at: Date): Promise<void> {
  await tx.run(createConsent, {
    householdId: consent.householdId,
    consent: {
      id: consent.id,
      householdId: consent.householdId,
      purpose: consent.purpose,
      recipientAgencyIds: consent.recipientAgencyIds,
      givenBy: 'FAMILY',
      method: consent.method,
      recordedBy: recorder.accountId,
      ...(recorder.agencyId ? { recordedByAgencyId: recorder.agencyId } : {}),
    },
    from: consent.from,
    to: consent.to,
    now: at.toISOString(),
  });
}
