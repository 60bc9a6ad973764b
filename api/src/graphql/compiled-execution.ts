// Operations compiled to JavaScript with graphql-jit, once per parsed document and operation: execution of a large
// result (a trajectory graph) costs a fraction of graphql-js's generic walk.
//
// In place of @envelop/graphql-jit, which keeps one compiled query per document whatever the operation name: a
// document with two operations then ran the operation compiled first, whichever one a later request named (found
// 2026-12-01: a request for `viewer` read a household and logged the read). Here the operation name is part of the key.
import { getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { PerOperation } from './document-cache.js';

/** Executes every operation compiled; `onCompileError` hears of an operation graphql-jit cannot compile. */
export function compiledExecution(onCompileError: (failed: ExecutionResult) => void): Plugin {
  // Only operations the document holds are kept, so a caller cannot grow the map with names of its choosing.
  const compiled = new PerOperation<CompiledQuery | ExecutionResult>();
  const compiledOperation = (args: ExecutionArgs): CompiledQuery | ExecutionResult => {
    let operation = compiled.get(args.document, args.operationName);
    if (operation) return operation;
    // Yoga refuses a name the document does not hold before execution (usePreventMutationViaGET); were one to come
    // through, it is answered and never kept, so the map stays bounded by the document's own operations.
    if (!getOperationAST(args.document, args.operationName)) return { errors: [unknownOperation(args.operationName)] };
    operation = compileQuery(args.schema, args.document, args.operationName ?? undefined);
    if (!isCompiledQuery(operation)) onCompileError(operation);
    compiled.set(args.document, args.operationName, operation);
    return operation;
  };
  const execute = (args: ExecutionArgs) => {
    const operation = compiledOperation(args);
    if (!isCompiledQuery(operation)) return operation;
    const answer = operation.query(args.rootValue, args.contextValue, args.variableValues);
    // Yoga writes a result with its own `stringify` when it has one: graphql-jit's, compiled for this operation.
    const withStringify = (result: ExecutionResult) => Object.assign(result, { stringify: operation.stringify });
    return isThenable(answer) ? answer.then(withStringify) : withStringify(answer);
  };
  return {
    onExecute({ setExecuteFn }) {
      setExecuteFn(execute as Parameters<typeof setExecuteFn>[0]);
    },
  };
}

function unknownOperation(name: string | null | undefined): GraphQLError {
  return new GraphQLError(
    name
      ? `This request names an operation (${name}) that its document does not hold.`
      : 'This request holds several operations: name the one to run (operationName).',
    { extensions: { code: 'BAD_REQUEST' } },
  );
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}
