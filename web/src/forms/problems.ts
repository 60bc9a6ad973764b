// API answers to form problems: a typed error becomes problems per field (by code and parameters) and problems
// for the form as a whole. Sentences come from i18n (`problems.<CODE>`), never from the API's English.
import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { graphql, type ResultOf } from '../graphql';

export interface Problem {
  code: string;
  params: Record<string, string>;
}

/** Problems keyed by form field name; '' holds those about the form as a whole. */
export type FormProblems = Record<string, Problem[]>;

/** Selection to spread in every mutation's answer, so that problems arrive as codes with parameters. */
export const ProblemFields = graphql(`
  fragment ProblemFields on Error @_unmask {
    __typename
    code
    ... on ValidationError {
      fields {
        path
        code
        params {
          name
          value
        }
      }
    }
    ... on ForbiddenError {
      reasonCode
    }
  }
`);

/** A mutation's typed error, as ProblemFields selects it. */
type ErrorAnswer = ResultOf<typeof ProblemFields>;

/** What a mutation field answers: its result, or a typed error that carries a code. */
export type MutationAnswer = { __typename: string } | ErrorAnswer;

export const isErrorAnswer = (answer: MutationAnswer): answer is ErrorAnswer => 'code' in answer;

export const hasProblems = (problems: FormProblems) => Object.values(problems).some((list) => list.length > 0);

/**
 * Sorts an error answer's problems onto the form's fields. `fieldOf` maps an API path to a field name (by
 * default its last segment that is a known field); a problem on no field of the form goes to the form.
 */
export function problemsOfAnswer(
  answer: MutationAnswer | null | undefined,
  fields: readonly string[],
  fieldOf?: (path: string[]) => string | undefined,
): FormProblems {
  if (!answer || !isErrorAnswer(answer)) return {};
  const problems: FormProblems = {};
  const add = (field: string, problem: Problem) => (problems[field] ??= []).push(problem);
  if ('fields' in answer && answer.fields.length > 0) {
    for (const f of answer.fields) {
      const mapped = fieldOf?.(f.path);
      const field = mapped && fields.includes(mapped) ? mapped : ([...f.path].reverse().find((segment) => fields.includes(segment)) ?? '');
      add(field, { code: f.code, params: Object.fromEntries(f.params.map((p) => [p.name, p.value])) });
    }
    return problems;
  }
  add('', { code: 'reasonCode' in answer ? answer.reasonCode : answer.code, params: {} });
  return problems;
}

/** A transport or server error (no typed answer) as a problem of the form. */
export function problemsOfError(error: CombinedError | undefined): FormProblems {
  if (!error) return { '': [{ code: 'INTERNAL', params: {} }] };
  const code = (error.graphQLErrors[0]?.extensions?.code as string | undefined) ?? 'INTERNAL';
  const requestId = error.graphQLErrors[0]?.extensions?.requestId as string | undefined;
  return { '': [{ code, params: requestId ? { requestId } : {} }] };
}

/** The empty required fields, as REQUIRED problems: checked before anything is sent. */
export function missingRequired(values: Record<string, unknown>, required: readonly string[]): FormProblems {
  const problems: FormProblems = {};
  for (const field of required) {
    const value = values[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
      problems[field] = [{ code: 'REQUIRED', params: {} }];
  }
  return problems;
}

/**
 * One problem in plain words. Field codes live under `problems.*`, error kinds (FORBIDDEN, NOT_FOUND...) under
 * `errors.*`; an unknown code falls back to a general sentence rather than showing the code.
 */
export function problemText(t: TFunction, problem: Problem): string {
  const { other, entity } = problem.params;
  const params = {
    ...problem.params,
    ...(other ? { other: t(`problems.fieldNames.${other}`, { defaultValue: other }) } : {}),
    ...(entity ? { entity: t(`problems.entities.${entity}`, { defaultValue: entity }) } : {}),
  };
  if (t(`problems.${problem.code}`, { defaultValue: '' })) return t(`problems.${problem.code}`, params);
  if (t(`errors.${problem.code}`, { defaultValue: '' })) return t(`errors.${problem.code}`, params);
  return t('problems.INVALID');
}
