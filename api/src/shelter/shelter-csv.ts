// Reads and writes shelter CSV files (format in schema/src/formats/shelter-csv.ts). Reading streams: bytes are
// decoded and parsed as they arrive, so a 100,000-row file never sits in memory as one string.
import { once } from 'node:events';
import { CsvError, Parser } from 'csv-parse';
import { shelterCsvColumns, type CsvColumn, type Problem, type ShelterRecordKind } from '@ketenkaart/schema';
import { stringify } from 'csv-stringify/sync';
import { writeCsv, type CsvCell } from '../csv-export.js';
import type { ShelterRecord } from '../repositories/shelter-repository.js';
import { parseShelterRow, ProblemList, type NumberedRow, type RowProblem } from './shelter-rows.js';

export type CsvEncoding = 'utf-8' | 'windows-1252';

/** Largest upload; a year of daily occupancy for a large provider is far below it. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;
/** A record longer than this is a broken quote or a pasted document, not a shelter row. */
export const MAX_CSV_RECORD_CHARS = 4_096;

export interface CsvReadResult {
  rows: NumberedRow[];
  problems: ProblemList;
  /** Data rows read, good and bad. */
  rowCount: number;
}

/**
 * Reads a CSV upload of one kind. File-level problems (encoding, header, size, broken quoting) stop the read
 * and are reported with their line; row-level problems are collected and the read goes on.
 */
export async function readShelterCsv(
  kind: ShelterRecordKind,
  body: AsyncIterable<Uint8Array>,
  options: { encoding: CsvEncoding; onProgress?: (rowsRead: number) => void | Promise<void> },
): Promise<CsvReadResult> {
  const problems = new ProblemList();
  const rows: NumberedRow[] = [];
  const columns = shelterCsvColumns[kind];
  let rowCount = 0;
  let header: (CsvColumn | null)[] | null = null;
  /** A header row was read, whether or not it was usable; an unusable one is already a problem. */
  let headerRead = false;
  const decoder = new Utf8OrLegacyDecoder(options.encoding);
  const chunks = body[Symbol.asyncIterator]();
  let bytes = 0;
  /** The next decoded text, or null at the end of the body. */
  const nextText = async (): Promise<string | null> => {
    const next = await chunks.next();
    if (next.done) return null;
    const value = next.value;
    bytes += value.byteLength;
    if (bytes > MAX_CSV_BYTES) throw new CsvFileError(0, { code: 'FILE_TOO_LARGE', params: { maximum: MAX_CSV_BYTES / 1024 / 1024 } });
    return decoder.decode(value);
  };

  try {
    let first = '';
    for (let text = await nextText(); text !== null && (first += text).trim() === ''; text = await nextText());
    if (first.trim() !== '') {
      // A broken row is reported and skipped, so that the rows after it are checked too.
      const parser = createParser(first, (error) => problems.add(problemOfCsvError(error)));
      // Reading may stop early (a wrong header); the feeder must then stop waiting for the parser to drain.
      const stopFeeding = new AbortController();
      const feeding = (async () => {
        parser.write(first);
        for (let text = await nextText(); text !== null && !stopFeeding.signal.aborted; text = await nextText()) {
          if (!parser.write(text)) await once(parser, 'drain', { signal: stopFeeding.signal });
        }
        const rest = decoder.end();
        if (rest) parser.write(rest);
        parser.end();
      })().catch((error: unknown) => {
        parser.destroy();
        if (!stopFeeding.signal.aborted) throw error;
      });
      const reading = (async () => {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          if (!header) {
            headerRead = true;
            header = readHeader(kind, record, problems);
            if (!header) break;
            continue;
          }
          rowCount += 1;
          if (record.length !== header.length) {
            // Fields out of place would be misread; the count says what is off without guessing which field.
            problems.add({
              line: info.lines,
              column: null,
              code: 'FIELD_COUNT',
              params: { found: record.length, expected: header.length },
            });
            continue;
          }
          const row = parseShelterRow(kind, info.lines, valuesOf(header, record, info.lines, problems), problems);
          if (row) rows.push({ line: info.lines, row });
          if (rowCount % 5_000 === 0) await options.onProgress?.(rowCount);
        }
      })().finally(() => stopFeeding.abort());
      const [fed, read] = await Promise.allSettled([feeding, reading]);
      // The decoder's error explains more than the parser's "stream destroyed" that follows it.
      if (fed.status === 'rejected') throw fed.reason;
      if (read.status === 'rejected') throw read.reason;
    }
  } catch (error) {
    if (error instanceof CsvFileError) problems.add({ line: error.line, column: null, ...error.problem });
    else if (error instanceof CsvError) problems.add(problemOfCsvError(error));
    else throw error;
    return { rows: [], problems, rowCount };
  }
  if (!headerRead)
    problems.add({ line: 1, column: null, code: 'FILE_EMPTY', params: { expected: columns.map((c) => c.column).join(',') } });
  if (header && rowCount === 0) problems.add({ line: 2, column: null, code: 'NO_ROWS' });
  await options.onProgress?.(rowCount);
  return { rows, problems, rowCount };
}

/** Dutch spreadsheets save with semicolons; the header (fixed names, no commas or semicolons) tells which. */
function createParser(firstText: string, onSkip: (error: CsvError) => void): Parser {
  const firstLine = firstText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  return new Parser({
    bom: true,
    delimiter,
    info: true,
    trim: true,
    skip_empty_lines: true,
    max_record_size: MAX_CSV_RECORD_CHARS,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) onSkip(error);
      return undefined;
    },
  });
}

function readHeader(kind: ShelterRecordKind, names: string[], problems: ProblemList): (CsvColumn | null)[] | null {
  const columns = shelterCsvColumns[kind];
  const normalized = names.map((name) => name.trim().toLowerCase());
  const header = normalized.map((name) => columns.find((c) => c.column === name) ?? null);
  const unknown = normalized.filter((_name, index) => header[index] === null);
  const missing = columns.filter((c) => c.required && !normalized.includes(c.column)).map((c) => c.column);
  const repeated = normalized.filter((name, index) => normalized.indexOf(name) !== index);
  const expected = columns.map((c) => c.column).join(', ');
  if (unknown.length) problems.add({ line: 1, column: null, code: 'UNKNOWN_COLUMNS', params: { columns: unknown.join(', '), expected } });
  if (missing.length) problems.add({ line: 1, column: null, code: 'MISSING_COLUMNS', params: { columns: missing.join(', ') } });
  if (repeated.length)
    problems.add({ line: 1, column: null, code: 'REPEATED_COLUMNS', params: { columns: [...new Set(repeated)].join(', ') } });
  return unknown.length || missing.length || repeated.length ? null : header;
}

function valuesOf(header: (CsvColumn | null)[], record: string[], line: number, problems: ProblemList): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  header.forEach((column, index) => {
    if (!column) return;
    const raw = record[index] ?? '';
    if (raw === '') {
      values[column.field] = null;
      return;
    }
    switch (column.type) {
      case 'count':
        // A negative count is a whole number too: the row schema says it must be 0 or more (TOO_SMALL), not this reader.
        if (/^-?\d{1,9}$/.test(raw)) values[column.field] = Number(raw);
        else {
          problems.add({ line, column: column.column, code: 'NOT_WHOLE_NUMBER', params: { value: clip(raw) } });
          values[column.field] = Number.NaN;
        }
        return;
      case 'code':
        values[column.field] = column.field === 'facilityId' ? raw : raw.toUpperCase();
        return;
      default:
        values[column.field] = raw;
    }
  });
  return values;
}

/** Shelter records as CSV in the upload format, so an export can be corrected and uploaded again. */
export function shelterRecordsToCsv(kind: ShelterRecordKind, records: ShelterRecord[]): string {
  const columns = shelterCsvColumns[kind];
  return writeCsv(
    columns.map((c) => c.column),
    records.map((record) => columns.map((c) => (record as Record<string, CsvCell>)[c.field] ?? '')),
  );
}

/** The header and one example row of a kind (the columns' own examples), the start of a file to fill in. */
export function shelterTemplateCsv(kind: ShelterRecordKind, facilityId?: string): string {
  const columns = shelterCsvColumns[kind];
  return stringify([columns.map((c) => (c.column === 'facility_id' && facilityId ? facilityId : c.example))], {
    header: true,
    columns: columns.map((c) => c.column),
  });
}

class CsvFileError extends Error {
  constructor(
    readonly line: number,
    readonly problem: Problem,
  ) {
    super(problem.code);
  }
}

/**
 * UTF-8 is checked strictly: a Windows-1252 file read as UTF-8 would turn "Zoë" into garbage without a sound.
 * On the first invalid byte the read stops with the line it is on and how to fix it.
 */
class Utf8OrLegacyDecoder {
  private readonly strict: TextDecoder;
  private readonly lenient = new TextDecoder('utf-8');
  private linesSeen = 0;

  constructor(private readonly encoding: CsvEncoding) {
    this.strict = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  }

  decode(chunk: Uint8Array): string {
    const lenientText = this.encoding === 'utf-8' ? this.lenient.decode(chunk, { stream: true }) : '';
    try {
      const text = this.strict.decode(chunk, { stream: true });
      this.linesSeen += countNewlines(text);
      return text;
    } catch {
      const before = lenientText.slice(0, lenientText.indexOf('\uFFFD'));
      // Older Excel saves Windows-1252; the web says how to save as "CSV UTF-8" or to choose that encoding.
      throw new CsvFileError(this.linesSeen + countNewlines(before) + 1, { code: 'NOT_UTF8' });
    }
  }

  end(): string {
    try {
      return this.strict.decode();
    } catch {
      throw new CsvFileError(this.linesSeen + 1, { code: 'UTF8_TRUNCATED' });
    }
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

function problemOfCsvError(error: CsvError): RowProblem {
  const at = { line: lineOf(error), column: null };
  switch (error.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return { ...at, code: 'ROW_TOO_LONG', params: { maximum: MAX_CSV_RECORD_CHARS } };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { ...at, code: 'QUOTE_NOT_CLOSED' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return { ...at, code: 'QUOTE_NOT_DOUBLED' };
    default:
      return { ...at, code: 'CSV_UNREADABLE' };
  }
}

function lineOf(error: CsvError): number {
  const lines = (error as unknown as { lines?: number }).lines;
  return typeof lines === 'number' ? lines : 0;
}

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
