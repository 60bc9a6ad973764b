// Imports every type and mutation module, then builds the schema once.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './types/enums.js';
import './types/Source.js';
import './types/Agency.js';
import './types/Facility.js';
import './types/ChainModel.js';
import './types/Centrumgemeente.js';
import './types/household-enums.js';
import './types/Household.js';
import './types/Viewer.js';
import './types/Gaps.js';
import './types/Analytics.js';
import './types/Shelter.js';
import './types/Comparison.js';
import './types/Worklist.js';
import './mutations/households.js';
import './mutations/events.js';
import './mutations/referrals.js';
import './mutations/regie.js';
import './mutations/consent.js';
import './types/BreakGlass.js';
import './mutations/accounts.js';
import './mutations/accessRequests.js';

export const schema = lexicographicSortSchema(builder.toSchema());
