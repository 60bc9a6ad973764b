// The executor only runs registered, parameterised statements; values never enter statement text.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cypher, statement, StatementMisuseError } from '@ketenkaart/api';
import { openTestStore } from '../support/store.js';

const echo = statement('testEcho', cypher`RETURN $value AS value`, z.object({ value: z.string() }));
const writes = statement('testWriteMarker', cypher`CREATE (m:TestMarker {id: $id}) RETURN m.id AS id`, z.object({ id: z.string() }));

describe('cypher text', () => {
  it('refuses interpolated values', () => {
    const name = "x' OR 1=1 //";
    // @ts-expect-error the tag's type already refuses values; the runtime check stops untyped callers
    expect(() => cypher`MATCH (h:Household {id: '${name}'}) RETURN h`).toThrow(/\$parameters/);
  });

  it('names each statement once', () => {
    expect(() => statement('testEcho', cypher`RETURN 1 AS one`, z.object({ one: z.number() }))).toThrow(/registered twice/);
  });

  it('derives parameters and access mode from the text', () => {
    expect(echo.params).toEqual(['value']);
    expect(echo.mode).toBe('READ');
    expect(writes.mode).toBe('WRITE');
  });
});

describe('executor', () => {
  it('runs a registered statement with exactly its parameters', async () => {
    const executor = await openTestStore();
    try {
      await expect(executor.read((tx) => tx.run(echo, { value: 'hallo' }))).resolves.toEqual([{ value: 'hallo' }]);
    } finally {
      await executor.close();
    }
  });

  it('rejects a statement that was not registered, even with the same text', async () => {
    const executor = await openTestStore();
    try {
      const forged = { ...echo };
      await expect(executor.read((tx) => tx.run(forged, { value: 'x' }))).rejects.toBeInstanceOf(StatementMisuseError);
      const rawText = 'RETURN 1 AS value' as unknown as typeof echo;
      await expect(executor.read((tx) => tx.run(rawText))).rejects.toBeInstanceOf(StatementMisuseError);
    } finally {
      await executor.close();
    }
  });

  it('rejects missing and extra parameters', async () => {
    const executor = await openTestStore();
    try {
      await expect(executor.read((tx) => tx.run(echo, {}))).rejects.toThrow(/takes parameters \[value\]/);
      await expect(executor.read((tx) => tx.run(echo, { value: 'x', other: 1 }))).rejects.toThrow(StatementMisuseError);
    } finally {
      await executor.close();
    }
  });

  it('refuses a write in a read transaction and rolls back a failed write transaction', async () => {
    const executor = await openTestStore();
    const countMarkers = statement('testCountMarkers', cypher`MATCH (m:TestMarker) RETURN count(m) AS n`, z.object({ n: z.number() }));
    try {
      await expect(executor.read((tx) => tx.run(writes, { id: 'a' }))).rejects.toThrow(/cannot run in a read transaction/);
      await expect(
        executor.write(async (tx) => {
          await tx.run(writes, { id: 'b' });
          throw new Error('fails after the first write');
        }),
      ).rejects.toThrow('fails after the first write');
      const [row] = await executor.read((tx) => tx.run(countMarkers));
      expect(row?.n).toBe(0);
    } finally {
      await executor.close();
    }
  });

  it('runs a read statement alone with the same checks, and refuses a write there too', async () => {
    const executor = await openTestStore();
    const countMarkers = statement('testCountMarkersAlone', cypher`MATCH (m:TestMarker) RETURN count(m) AS n`, z.object({ n: z.number() }));
    try {
      await expect(executor.readStatement(echo, { value: 'alleen' })).resolves.toEqual([{ value: 'alleen' }]);
      await expect(executor.readStatement({ ...echo }, { value: 'x' })).rejects.toBeInstanceOf(StatementMisuseError);
      await expect(executor.readStatement(echo, {})).rejects.toThrow(/takes parameters \[value\]/);
      await expect(executor.readStatement(writes, { id: 'c' })).rejects.toThrow(/cannot run in a read transaction/);
      // Committed writes are seen; the refused write left nothing.
      await executor.write((tx) => tx.run(writes, { id: 'd' }));
      await expect(executor.readStatement(countMarkers)).resolves.toEqual([{ n: 1 }]);
    } finally {
      await executor.close();
    }
    await expect(executor.readStatement(echo, { value: 'x' })).rejects.toThrow(/closed/);
  });
});
