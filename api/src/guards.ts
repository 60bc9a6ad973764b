// Request guards (OWASP GraphQL cheat sheet): cost, depth, breadth, aliases, tokens, directives, suggestions,
// body size and an execution deadline.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { GraphQLError, Kind, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema, type TypeNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AccessService } from './access/access-service.js';
import type { Context } from './context.js';
import { PerOperation } from './graphql/document-cache.js';
import { queryLimits } from './graphql/limits.js';

export const limits = {
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  /** Bytes of a request body; a GraphQL document plus variables for one form fits well within it. */
  maxBodyBytes: 100_000,
};

export function requestGuards(): Plugin[] {
  const shield = EnvelopArmorPlugin({
    // Depth, breadth and cost are checked by refuseCostlyOperations below: it knows page sizes and variables.
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    // Armor's own refusal reads "Syntax Error: ..." without a code; the client gets the typed refusal instead.
    maxAliases: { n: limits.maxAliases, onReject: [refuseWith('aliases', limits.maxAliases)] },
    maxTokens: { n: limits.maxTokens, onReject: [refuseWith('tokens', limits.maxTokens)] },
    maxDirectives: { n: limits.maxDirectives, onReject: [refuseWith('directives', limits.maxDirectives)] },
    blockFieldSuggestion: { enabled: true },
  });
  return [shield as Plugin, jsonBodyWithinLimit(limits.maxBodyBytes), refuseCostlyOperations()];
}

/**
 * Refuses an operation whose cost, depth or breadth is over queryLimits before anything runs: before graphql-jit
 * compiles it (compiling a document whose fragments each spread the previous one twice takes time that doubles
 * with every fragment) and before any resolver. Pothos's complexity rule walks the document once, caching each
 * fragment's result per type, so a refusal takes milliseconds however often fragments are spread. It runs here,
 * at the start of execution, and not as a validation rule: validation is kept per document (document-cache.ts),
 * and the cost depends on the variables (`first: $n`).
 */
function refuseCostlyOperations(): Plugin {
  // Documents whose cost cannot depend on their variables, found within the limits, per operation name: the same
  // parsed document (document-cache.ts keeps one per document text) passes again without the walk. Keyed weakly by
  // the parsed document: bounded by the document cache. Refusals are never kept: each is checked and logged.
  const passedWhateverTheVariables = new PerOperation<true>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operationName = args.operationName as string | null | undefined;
      // Only documents whose cost is fixed are kept, so a kept one needs neither the walk nor that check again.
      if (passedWhateverTheVariables.get(document, operationName)) return;
      const costFixed = costIndependentOfVariables(document);
      const rule = createComplexityRule({
        variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
        operationName: operationName ?? undefined,
        context: args.contextValue,
        maxComplexity: queryLimits.maxComplexity,
        maxDepth: queryLimits.maxDepth,
        maxBreadth: queryLimits.maxBreadth,
      });
      // Only the limits refuse here; variables that do not fit their types are left to execution to report.
      const problems = validate(args.schema as GraphQLSchema, document, [rule]).filter(
        (problem) => String(problem.extensions.code) in tooLargeMeasures,
      );
      if (problems.length === 0) {
        if (costFixed) passedWhateverTheVariables.set(document, operationName, true);
        return;
      }
      const refusal = operationTooLarge(problems);
      // Refused like any other attempt, and logged like one: who asked and which limits it passed, never the document.
      refusalLogOf(args.contextValue)?.logRefusal({ action: 'READ', basis: refusal.message });
      setResultAndStopExecution({ errors: [refusal] });
    },
  };
}

/**
 * Whether a document's cost is the same whatever its variables: true when it has none, or only IDs and strings (and
 * lists of them). The cost reads a variable only as a page size (`first`, an Int) and a directive reads it only as a
 * Boolean (`@skip`, `@include`), so an ID or a string never changes it: a trajectory or a household page asked again
 * for another id costs what it cost before.
 */
function costIndependentOfVariables(document: DocumentNode): boolean {
  const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
  return document.definitions.every(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION ||
      (definition.variableDefinitions ?? []).every((variable) => ['ID', 'String'].includes(namedType(variable.type))),
  );
}

/** The access log of the request's context, when the context is ours (it always is, past yoga's context factory). */
function refusalLogOf(contextValue: unknown): Pick<AccessService, 'logRefusal'> | undefined {
  const access = (contextValue as Partial<Context> | undefined)?.access;
  return access && typeof access.logRefusal === 'function' ? access : undefined;
}

const tooLargeMeasures: Record<string, { measure: string; extension: string }> = {
  QUERY_COMPLEXITY: { measure: 'cost', extension: 'queryComplexity' },
  QUERY_DEPTH: { measure: 'depth', extension: 'queryDepth' },
  QUERY_BREADTH: { measure: 'breadth', extension: 'queryBreadth' },
};

function operationTooLarge(problems: readonly GraphQLError[]): GraphQLError {
  return tooMuchAtOnce(
    problems.flatMap((problem) => {
      const kind = tooLargeMeasures[String(problem.extensions.code)];
      const figures = kind ? (problem.extensions[kind.extension] as { max: number; actual: number } | undefined) : undefined;
      return kind && figures ? [{ measure: kind.measure, actual: figures.actual, max: figures.max }] : [];
    }),
  );
}

/** Armor's checks run while parsing and validating; throwing from its onReject hook ends the request there. */
function refuseWith(measure: string, max: number) {
  return (_context: unknown, found: GraphQLError): never => {
    const actual = Number(/found (\d+)/.exec(found.message)?.[1]);
    throw tooMuchAtOnce([{ measure, max, ...(Number.isFinite(actual) ? { actual } : {}) }]);
  };
}

interface ExceededLimit {
  measure: string;
  max: number;
  actual?: number;
}

/** One refusal for every limit: code QUERY_TOO_COMPLEX, the limits passed, and what to do, in plain words. */
function tooMuchAtOnce(exceeded: ExceededLimit[]): GraphQLError {
  const told = exceeded.map((e) => `${e.measure}${e.actual === undefined ? '' : ` ${e.actual}`} (at most ${e.max})`).join(', ');
  return new GraphQLError(
    `This request asks for too much at once${told ? `: ${told}` : ''}. Ask for fewer fields, smaller pages or fewer repeats of the same fragment.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', exceeded } },
  );
}

/**
 * Answers with a typed refusal when an operation runs longer than the deadline, so that no client waits on an
 * operation the guards let through. Placed after graphql-jit (app.ts), it wraps the function that executes.
 * JavaScript cannot stop a resolver that is under way; the cost check above is what keeps work bounded.
 *
 * One timer looks over all running operations, a tenth of the deadline apart (at most 100 ms), and stops while none
 * runs: a timer set and cleared for each operation took about 1% of a trajectory request's CPU in a profile
 * (2026-11-30, 5,000 households). An operation is stopped at its deadline, or up to that tenth later.
 */
export function executionDeadline(deadlineMs: number): Plugin {
  const running = new Set<{ due: number; stop: () => void }>();
  let watch: NodeJS.Timeout | null = null;
  const stopOverdue = () => {
    const now = performance.now();
    for (const operation of running) {
      if (operation.due > now) continue;
      running.delete(operation);
      operation.stop();
    }
    if (running.size === 0 && watch) {
      clearInterval(watch);
      watch = null;
    }
  };
  const every = Math.max(1, Math.min(100, Math.floor(deadlineMs / 10)));
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let stop!: () => void;
        const stopped = new Promise<ExecutionResult>((resolve) => {
          stop = () => {
            refusalLogOf(args.contextValue)?.logRefusal({ action: 'READ', basis: `operation stopped at its deadline of ${deadlineMs} ms` });
            resolve({ errors: [deadlinePassed(deadlineMs)] });
          };
        });
        const operation = { due: performance.now() + deadlineMs, stop };
        running.add(operation);
        // Unref'd: a running operation keeps its request, and so the process, alive; the watch need not.
        watch ??= setInterval(stopOverdue, every).unref();
        try {
          return await Promise.race([executeFn(args) as ExecutionResult | Promise<ExecutionResult>, stopped]);
        } finally {
          running.delete(operation);
        }
      });
    },
  };
}

function deadlinePassed(deadlineMs: number): GraphQLError {
  return new GraphQLError(
    `This request took longer than ${deadlineMs / 1000} seconds and was stopped. Ask for less at once, or try again later.`,
    {
      extensions: { code: 'DEADLINE_EXCEEDED', deadlineMs },
    },
  );
}

/**
 * The API takes JSON bodies only, and reads them itself up to the limit, counting the bytes as they arrive
 * whatever Content-Length claims. (Yoga's maxRequestBodySize, switched off in app.ts, pipes every body through a
 * web TransformStream, which cost more per request than executing a household's whole trajectory.)
 */
function jsonBodyWithinLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST') return;
      const type = request.headers.get('content-type')?.split(/[;,]/)[0]?.trim().toLowerCase();
      if (type !== 'application/json' && type !== 'application/graphql+json') {
        throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as JSON (Content-Type: application/json).');
      }
      setRequestParser(async (req) => {
        let body: unknown;
        try {
          body = JSON.parse(await boundedText(req, maxBytes));
        } catch (error) {
          if (error instanceof GraphQLError) throw error;
          throw httpError(400, 'BAD_REQUEST', 'POST body sent invalid JSON.');
        }
        if (body === null || typeof body !== 'object')
          throw httpError(400, 'BAD_REQUEST', 'POST body is expected to be an object or a batch.');
        return body as Record<string, unknown>;
      });
    },
  };
}

async function boundedText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  return strictUtf8.decode(Buffer.concat(chunks));
}

// Strict: a body that is not UTF-8 is refused rather than read with replacement characters. One decoder serves every
// request: a decode without `stream` starts afresh each time.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const tooLarge = (maxBytes: number) => httpError(413, 'REQUEST_TOO_LARGE', `Request body too large (at most ${maxBytes / 1000} kB).`);

function httpError(status: number, code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { http: { status }, code } });
}
