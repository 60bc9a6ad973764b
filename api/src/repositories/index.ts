// The repositories: all Cypher of Ketenkaart lives in these modules.
import type { CypherExecutor } from '../db/executor.js';
import { createAccessRepository } from './access-repository.js';
import { createAccessRequestRepository } from './access-request-repository.js';
import { createAnalyticsRepository } from './analytics-repository.js';
import { createAccountRepository } from './account-repository.js';
import { createBulkRepository } from './bulk-repository.js';
import { bindRepository } from './bind.js';
import { eventRepository } from './event-repository.js';
import { createGapRepository } from './gap-repository.js';
import { householdRepository } from './household-repository.js';
import { createInvolvementRepository } from './involvement-repository.js';
import { createReferenceCache } from './reference-cache.js';
import { createReferenceRepository } from './reference-repository.js';
import { referralRepository } from './referral-repository.js';
import { regieRepository } from './regie-repository.js';
import { createShelterRepository } from './shelter-repository.js';
import { trajectoryFactsRepository } from './trajectory-facts.js';
import { createWorklistRepository } from './worklist-repository.js';

export function createRepositories(executor: CypherExecutor, now: () => Date = () => new Date()) {
  const reference = createReferenceRepository(executor);
  return {
    reference,
    /** The one piece of state: reference data this app has read, kept while the store's reference stamp holds. */
    referenceCache: createReferenceCache(executor, reference),
    households: bindRepository({ executor, now }, householdRepository),
    events: bindRepository({ executor, now }, eventRepository),
    referrals: bindRepository({ executor, now }, referralRepository),
    regie: bindRepository({ executor, now }, regieRepository),
    trajectoryFacts: bindRepository({ executor, now }, trajectoryFactsRepository),
    accounts: createAccountRepository(executor, now),
    access: createAccessRepository(executor, now),
    bulk: createBulkRepository(executor),
    gaps: createGapRepository(executor, now),
    analytics: createAnalyticsRepository(executor),
    shelter: createShelterRepository(executor),
    worklist: createWorklistRepository(executor),
    accessRequests: createAccessRequestRepository(executor, now),
    involvement: createInvolvementRepository(executor, now),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
