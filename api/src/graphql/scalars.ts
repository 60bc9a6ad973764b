// ISO 8601 scalars: Date is a calendar day (YYYY-MM-DD), DateTime an instant in UTC.
import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError('Date must be a calendar day as YYYY-MM-DD (ISO 8601).');
  }
  return value;
}

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new GraphQLError('DateTime must be an ISO 8601 date and time, e.g. 2024-03-01T09:30:00Z.');
  }
  return new Date(value).toISOString();
}

builder.scalarType('Date', {
  description: 'A calendar day in ISO 8601 (YYYY-MM-DD), e.g. the day an eviction took place.',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('DateTime', {
  description: 'An instant in ISO 8601, UTC, e.g. when a fact was recorded.',
  serialize: (value) => new Date(String(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});
