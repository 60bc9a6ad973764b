// GraphQL documents the integration tests share, written as a client would write them.
export const REGISTER = `mutation($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) {
    __typename
    ... on Household { id reference members { personId label role from } }
    ... on ValidationError { code message fields { path code params { name value } message } }
    ... on NotFoundError { entity }
    ... on Error { code message }
  }
}`;

export const RECORD_EVENT = `mutation($input: RecordEventInput!) {
  recordEvent(input: $input) {
    __typename
    ... on HouseholdEvent { id kind occurredOn agency { id } facility { id } }
    ... on ValidationError { code message fields { path code params { name value } message } }
    ... on NotFoundError { entity }
    ... on StepOrderError { fieldPath step on follows followsOn }
    ... on Error { code message }
  }
}`;

export const SEND_REFERRAL = `mutation($input: SendReferralInput!) {
  sendReferral(input: $input) {
    __typename
    ... on Referral { id status respondBy from { id } to { id } }
    ... on ValidationError { code message fields { path code params { name value } message } }
    ... on NotFoundError { entity }
    ... on StepOrderError { fieldPath step on follows followsOn }
    ... on Error { code message }
  }
}`;

export const referralStep = (action: 'accept' | 'complete' | 'withdraw' | 'expire') => `mutation($id: ID!, $on: Date!) {
  ${action}Referral(id: $id, on: $on) {
    __typename
    ... on Referral { id status respondedOn closedOn }
    ... on InvalidTransitionError { code from action allowed }
    ... on StepOrderError { fieldPath step on follows followsOn }
    ... on Error { code message }
  }
}`;

export const REFUSE_REFERRAL = `mutation($id: ID!, $on: Date!, $reason: RefusalReason!, $text: String) {
  refuseReferral(id: $id, on: $on, refusalReason: $reason, refusalText: $text) {
    __typename
    ... on Referral { id status refusalReason refusalText }
    ... on InvalidTransitionError { code from action allowed }
    ... on Error { code message }
  }
}`;

export const TAKE_REGIE = `mutation($householdId: ID!, $stage: ChainState!, $agencyId: ID, $from: Date!) {
  takeRegie(householdId: $householdId, stage: $stage, agencyId: $agencyId, from: $from) {
    __typename
    ... on RegieAssignment { id stage from to holder { id } }
    ... on StepOrderError { fieldPath step on follows followsOn }
    ... on Error { code message }
  }
}`;

export const HAND_OVER_REGIE = `mutation($householdId: ID!, $stage: ChainState!, $toAgencyId: ID!, $toStage: ChainState, $on: Date!) {
  handOverRegie(householdId: $householdId, stage: $stage, toAgencyId: $toAgencyId, toStage: $toStage, on: $on) {
    __typename
    ... on RegieAssignment { id stage from holder { id } }
    ... on StepOrderError { fieldPath step on follows followsOn }
    ... on Error { code message }
  }
}`;

export const TRAJECTORY = `query($id: ID!) {
  household(id: $id) {
    __typename
    ... on Household {
      id
      trajectory {
        currentState
        currentRegie { stage holder { id } }
        steps { event { id kind occurredOn supersededBy supersedes } stateAfter regie { stage holder { id } } daysSincePrevious daysSinceReferralSent superseded }
        nodes { id kind refId label }
        edges { id source target kind }
      }
    }
    ... on Error { code message }
  }
}`;

export function householdInput(overrides: Record<string, unknown> = {}) {
  return {
    reference: `T-${Math.random().toString(36).slice(2, 10)}`,
    centrumgemeenteId: 'amsterdam',
    municipality: 'Amsterdam',
    landlordType: 'CORPORATION',
    members: [
      { label: 'ouder 1', birthYear: 1985, role: 'PARENT', from: '2015-03-01', compositionSource: 'CORPORATION' },
      { label: 'kind 1', birthYear: 2016, role: 'CHILD', from: '2016-05-01', compositionSource: 'HOME_VISIT' },
    ],
    consent: {
      purpose: 'CHAIN_COORDINATION',
      recipientAgencyIds: ['ams-som', 'ams-ggd-vangnet-advies', 'ams-hvo-querido', 'ams-maatschappelijke-dienstverlening'],
      from: '2024-01-01',
      to: '2030-12-31',
      method: 'IN_PERSON_SIGNED',
    },
    ...overrides,
  };
}
