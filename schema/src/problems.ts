// The vocabulary of input problems: a stable code with parameters, so that the web can say in the reader's own
// language what is wrong and what would be right. The English text here is for API clients only.
import type { z } from 'zod';

/** Every code a field or file problem can carry; the web has a sentence for each in Dutch and English. */
export const problemCodes = {
  // Shape of a value (from zod issues).
  REQUIRED: 'is required',
  TOO_SHORT: 'needs at least {minimum} characters',
  TOO_LONG: 'takes at most {maximum} characters',
  TOO_SMALL: 'must be {minimum} or more',
  TOO_LARGE: 'must be at most {maximum}',
  TOO_FEW: 'needs at least {minimum}',
  TOO_MANY: 'takes at most {maximum}',
  NOT_WHOLE_NUMBER: '"{value}" is not a whole number',
  NOT_A_DATE: '"{value}" is not a day as YYYY-MM-DD (or the day does not exist)',
  NOT_ONE_OF: '"{value}" is not one of {options}',
  INVALID_FORMAT: 'has the wrong form',
  INVALID: 'is not accepted',
  // Dates and periods.
  // {other} names the other date by its file column (period_start, date_on); the web says it in words.
  BEFORE_OTHER_DATE: 'is before {other}',
  IN_FUTURE: 'cannot be in the future',
  BEFORE_1990: 'is before 1990',
  NOT_AFTER_DEADLINE: 'the referral can be answered until {date}',
  BEFORE_SENT: 'is before the referral was sent ({date})',
  BEFORE_JOINED: 'is before the member joined ({date})',
  BEFORE_REGIE: 'is before regie was taken ({date})',
  // Texts with a meaning.
  CASE_REF_FORMAT: 'use the case number of your own system (letters, digits, - . _ /), never a name',
  CASE_REF_NEEDS_DIGIT: 'a case number has at least one digit; a name is not a case number',
  USERNAME_CHARACTERS: 'lower-case letters, digits, ".", "_" and "-" only',
  REFERENCE_CHARACTERS: 'letters, digits, space and . _ / - only',
  REASON_TOO_SHORT: 'state the reason in at least {minimum} characters',
  // Choices that depend on each other.
  GIVE_TOGETHER: 'give {other} as well, or neither',
  AGENCY_NEEDED: 'name the agency',
  ONLY_ONWARD_REFERRAL_NAMES_AGENCY: 'only an onward referral names an agency',
  ROLE_NEEDS_AGENCY: 'this role needs an agency',
  ROLE_NEEDS_REGION: 'this role needs a region',
  ROLE_HAS_NO_AGENCY: 'this role has no agency',
  ROLE_HAS_NO_REGION: 'this role has no region',
  SHELTER_STAFF_NEEDS_SHELTER: 'shelter staff work for an organisation that runs a shelter facility',
  AGENCY_WORKER_NOT_AT_SHELTER: 'this organisation runs a shelter: its staff get the shelter staff role',
  REASON_NEEDED: 'a refusal needs a reason code',
  REASON_NOT_USED: 'only a refusal takes a reason',
  REQUIRED_FOR_KIND: 'required for {kind}',
  NOT_USED_FOR_KIND: 'not used for {kind}',
  // References to other things.
  TAKEN: 'is already in use',
  NO_SUCH: 'no {entity} with id {value}',
  NO_SUCH_HOUSEHOLD: 'no household with this id; leave it empty when the family is not in Ketenkaart',
  HOUSEHOLD_NOT_LINKABLE:
    'you cannot link this household: it has no application, referral or placement with your organisation and its coordinator has not confirmed a link to this facility. Check the id, or leave it empty',
  NOT_YOUR_FACILITY: '{value} is not a facility of your organisation',
  SELF_REFERRAL: 'an agency cannot refer to itself',
  FIRST_OR_LAST: 'give first or last, not both',
  FACILITY_OUTSIDE_REGION: "the facility is not in the household's region",
  ALREADY_REVIEWED: 'this use was already reviewed',
  REVIEW_NOTE_NEEDED: 'say briefly what the review found',
  ALREADY_HAS_ACCESS: 'you already have access to this household',
  ACCESS_ALREADY_ASKED: 'you already asked for access to this household; wait for the answer',
  TOO_MANY_OPEN_REQUESTS: 'at most {maximum} requests can wait for an answer at a time',
  INFO_QUESTION_NEEDED: 'say what information you need',
  INFO_ANSWER_NEEDED: 'give the information asked for',
  MESSAGE_NOT_USED: 'only a question or its answer takes a message',
  NOT_ON_WAITING_LIST: 'the household is not on the waiting list of this facility',
  EVICTION_ALREADY_EXECUTED: 'the eviction was carried out before this day: it can no longer be cancelled',
  REGIE_HELD: 'regie at this stage is held by {agency}; hand it over instead',
  ALREADY_CORRECTED: 'already corrected by {other}; correct that one',
  CORRECTED_ELSEWHERE: '{kind} steps are corrected through their own mutation',
  ALREADY_WITHDRAWN: 'already withdrawn on {date}',
  NOT_A_CURSOR: 'not a cursor from this API',
  TOO_MANY_REGIONS: 'give 1 to {maximum} regions',
  TOO_MANY_ROWS: 'give 1 to {maximum} rows; upload a CSV file for more',
  // Files.
  SAME_KEY_AS_LINE: 'same key ({key}) as line {other}',
  FILE_TOO_LARGE: 'the file is larger than {maximum} MB; split it by month',
  NOT_UTF8: 'the file is not UTF-8 (it looks like Windows-1252); save it as "CSV UTF-8" or upload it with encoding windows-1252',
  UTF8_TRUNCATED: 'the file ends in the middle of a character; it is not valid UTF-8',
  FILE_EMPTY: 'the file is empty; it needs a header row: {expected}',
  NO_ROWS: 'the file has a header but no rows',
  UNKNOWN_COLUMNS: 'unknown columns: {columns}; expected {expected}',
  MISSING_COLUMNS: 'missing columns: {columns}',
  REPEATED_COLUMNS: 'columns named twice: {columns}',
  ROW_TOO_LONG: 'a row is longer than {maximum} characters; check for a missing closing quote',
  FIELD_COUNT: 'this row has {found} fields; the header has {expected}',
  QUOTE_NOT_CLOSED: 'a quote is opened and never closed',
  QUOTE_NOT_DOUBLED: 'a quote inside a field is not doubled ("")',
  CSV_UNREADABLE: 'the file cannot be read as CSV here',
  TOO_MANY_PROBLEMS: 'more than {maximum} problems; the first {maximum} are listed',
  // Why something is not allowed (ForbiddenError.reasonCode).
  NOT_ALLOWED: 'you may not do or see this',
  SIGN_IN_REQUIRED: 'sign in first',
  SIGN_IN_FAILED: 'unknown username or wrong password',
  SIGN_IN_THROTTLED: 'too many sign-in attempts; wait a while',
  CSRF: 'missing or wrong x-csrf-token header for a cookie session',
  ROLE_NOT_ALLOWED: 'your role may not do this',
  OWN_ACCOUNT: 'you cannot switch off your own account',
  OWN_REGION_ONLY: 'only in your own region',
  OWN_AGENCY_ONLY: 'only for your own agency',
  NO_CARE_RELATION: 'your agency has no active care relation with this household',
  NO_CONSENT: 'no consent or legal ground names your agency',
  CONSENT_WITHDRAWN: 'the consent for your agency was withdrawn',
  CONSENT_NOT_VALID_TODAY: 'the consent for your agency is not valid today',
  NO_SHELTER_RELATION: 'the household has no application, waiting-list entry, refusal or placement at your facilities',
  SHELTER_RELATION_ENDED: 'the relation with your facilities ended and the term of access after it has passed',
  OUTSIDE_YOUR_REGION: 'the household is outside your region',
  AGGREGATES_ONLY: 'policy makers see aggregates only, never a household',
  NO_HOUSEHOLDS_FOR_ADMIN: 'administrators manage accounts and reference data, not households',
  NO_AGENCY: 'your account is not linked to an agency',
  TOO_MANY_HOUSEHOLDS: 'too many households in one request',
  TOO_MANY_REFUSED_LOOKUPS: 'too many refused lookups; try again later',
  BREAK_GLASS_READ_ONLY: 'break-glass lets you read this household, not record steps that give access later',
  BREAK_GLASS_REVIEW_BY_COORDINATOR: 'break-glass uses are reviewed by the coordinator of the region',
  BREAK_GLASS_OWN_REGION: 'break-glass opens households of your own region only',
} as const;

export type ProblemCode = keyof typeof problemCodes;
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

/** The English sentence for API clients; people read the web's translation of the code instead. */
export function describeProblem({ code, params = {} }: Problem): string {
  return problemCodes[code].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

const clip = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
}

/**
 * Maps a zod issue to a problem code with its parameters, never zod's English text. Refinements name their own
 * code with `params: { code }`; `input` is what was parsed, so that a problem can quote the value it is about.
 */
export function problemFromZodIssue(issue: z.core.$ZodIssue, input: unknown): Problem {
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === null || value === '') return { code: 'REQUIRED' };
      if (issue.expected === 'int' || issue.expected === 'number') return { code: 'NOT_WHOLE_NUMBER', params: { value: clip(value) } };
      return { code: 'INVALID' };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 || value === ''
          ? { code: 'REQUIRED' }
          : { code: 'TOO_SHORT', params: { minimum: Number(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'TOO_FEW', params: { minimum: Number(issue.minimum) } };
      return { code: 'TOO_SMALL', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'TOO_LONG', params: { maximum: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'TOO_MANY', params: { maximum: Number(issue.maximum) } };
      return { code: 'TOO_LARGE', params: { maximum: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'NOT_A_DATE', params: { value: clip(value) } };
      return { code: 'INVALID_FORMAT' };
    case 'invalid_value':
      if (value === undefined || value === null || value === '') return { code: 'REQUIRED' };
      return { code: 'NOT_ONE_OF', params: { value: clip(value), options: issue.values.map(String).join(', ') } };
    case 'custom': {
      const code = (issue.params as { code?: string } | undefined)?.code;
      const params: ProblemParams = { ...((issue.params as { values?: ProblemParams } | undefined)?.values ?? {}) };
      if ((typeof value === 'string' || typeof value === 'number') && !('value' in params)) params.value = clip(value);
      if (code && code in problemCodes) return { code: code as ProblemCode, params };
      return { code: 'INVALID' };
    }
    default:
      return { code: 'INVALID' };
  }
}

/** Options for a zod refinement that carries a problem code. */
export function refinement(code: ProblemCode, options: { path?: string[]; values?: ProblemParams } = {}) {
  return {
    message: describeProblem({ code, params: options.values }),
    ...(options.path ? { path: options.path } : {}),
    params: { code, values: options.values },
  };
}
