// The execution deadline's one watch over running operations: each stopped at its own deadline, the others left to
// answer, a refusal logged only for the stopped one.
import { describe, expect, it } from 'vitest';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { executionDeadline } from '../../api/src/guards.js';

type Execute = (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;

/** The plugin's wrapper around an execute function, as yoga would install it. */
function wrapped(deadlineMs: number, execute: Execute): Execute {
  let installed: Execute | undefined;
  const plugin = executionDeadline(deadlineMs);
  (plugin.onExecute as (payload: { executeFn: Execute; setExecuteFn: (fn: Execute) => void }) => void)({
    executeFn: execute,
    setExecuteFn: (fn) => (installed = fn),
  });
  return installed!;
}

/** A context whose access log records refusals. */
function contextLoggingRefusals() {
  const refusals: string[] = [];
  return {
    refusals,
    args: { contextValue: { access: { logRefusal: (r: { basis: string }) => refusals.push(r.basis) } } } as unknown as ExecutionArgs,
  };
}

const answer = (data: Record<string, unknown>, afterMs: number) =>
  new Promise<ExecutionResult>((resolve) => setTimeout(() => resolve({ data }), afterMs));

describe('execution deadline', () => {
  it('stops only the operation past its deadline, and logs that one', async () => {
    const never = new Promise<ExecutionResult>(() => {});
    const slow = contextLoggingRefusals();
    const quick = contextLoggingRefusals();
    const execute = wrapped(50, (args) => (args === slow.args ? never : answer({ ok: true }, 5)));
    const [stopped, answered] = await Promise.all([execute(slow.args), execute(quick.args)]);
    expect(stopped.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(slow.refusals).toEqual(['operation stopped at its deadline of 50 ms']);
    expect(answered).toEqual({ data: { ok: true } });
    expect(quick.refusals).toEqual([]);
  });

  it('passes an execution error on, without a later refusal', async () => {
    const failing = contextLoggingRefusals();
    const execute = wrapped(10, () => {
      throw new Error('schema broken');
    });
    await expect(execute(failing.args)).rejects.toThrow('schema broken');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(failing.refusals).toEqual([]);
  });

  it('watches again after a pause in which nothing ran', async () => {
    const execute = wrapped(5, () => new Promise<ExecutionResult>(() => {}));
    const first = contextLoggingRefusals();
    expect((await execute(first.args)).errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = contextLoggingRefusals();
    expect((await execute(second.args)).errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(second.refusals).toHaveLength(1);
  });
});
