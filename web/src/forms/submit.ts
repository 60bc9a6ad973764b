// Sending a form's mutation: its typed answer (or a transport error) becomes the form's problems, by field.
import type { CombinedError } from 'urql';
import { isErrorAnswer, problemsOfAnswer, problemsOfError, type FormProblems, type MutationAnswer } from './problems';

/** What a mutation call gave back: the payload of its field and the transport error, if any. */
export interface MutationOutcome {
  answer: MutationAnswer | null | undefined;
  error: CombinedError | undefined;
}

/**
 * Runs a form's mutation and puts what the API said at the form's fields (`fieldOf` maps an API path such as
 * `refusalReason` to the form's own field name). True when the step was done.
 */
export async function submitted(
  form: { setProblems: (problems: FormProblems) => void },
  fields: readonly string[],
  run: () => Promise<MutationOutcome>,
  fieldOf?: (path: string[]) => string | undefined,
): Promise<boolean> {
  const { answer, error } = await run();
  if (!answer) {
    form.setProblems(problemsOfError(error));
    return false;
  }
  form.setProblems(problemsOfAnswer(answer, fields, fieldOf));
  return !isErrorAnswer(answer);
}
