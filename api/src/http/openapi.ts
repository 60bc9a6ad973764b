// The OpenAPI 3.1 description of the HTTP routes beside /graphql, served at GET /openapi.json. The GraphQL API
// describes itself (schema/schema.graphql). tests/integration/openapi.int.test.ts checks real answers against it.
import { problemResponse } from './problem.js';

const problem = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const requestIdHeader = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };
const shelterKind = {
  name: 'kind',
  in: 'query',
  required: true,
  description: 'capacity, occupancy, waiting-list or refusals (or the enum names)',
  schema: { type: 'string', examples: ['capacity'] },
};
const comparisonParams = [
  {
    name: 'cities',
    in: 'query',
    required: true,
    description: 'centrumgemeente ids, comma-separated',
    schema: { type: 'string', maxLength: 2000 },
  },
  { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
  {
    name: 'lang',
    in: 'query',
    required: false,
    description: 'language of the whole file: nl (default) or en',
    schema: { type: 'string', enum: ['nl', 'en'], default: 'nl' },
  },
];
const signedIn = [{ session: [] }, { bearer: [] }];

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Ketenkaart HTTP routes',
    version: '1.0.0',
    description:
      'The routes beside /graphql: health, shelter files and comparison exports, metrics. Every answer carries x-request-id; every error is problem details (RFC 9457).',
  },
  servers: [{ url: '/' }],
  paths: {
    '/healthz': {
      get: {
        summary: 'Liveness and store: answers when the store answers',
        responses: {
          '200': {
            description: 'The store answers',
            headers: requestIdHeader,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
          },
          '500': problem,
        },
      },
    },
    '/shelter/import': {
      post: {
        summary: 'Upload a shelter CSV file (shelter staff); answered as NDJSON: progress lines, then one report or error line',
        security: signedIn,
        parameters: [
          shelterKind,
          { name: 'dryRun', in: 'query', schema: { type: 'string', enum: ['true', 'false', '1', '0'], default: 'false' } },
          { name: 'encoding', in: 'query', schema: { type: 'string', enum: ['utf-8', 'windows-1252'], default: 'utf-8' } },
          { name: 'x-csrf-token', in: 'header', description: 'required with a cookie session', schema: { type: 'string' } },
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: {
          '200': {
            description: 'One JSON object per line',
            headers: requestIdHeader,
            content: { 'application/x-ndjson': { schema: { $ref: '#/components/schemas/ImportLine' } } },
          },
          '400': problem,
          '401': problem,
          '403': problem,
          '405': problem,
          '429': problem,
        },
      },
    },
    '/shelter/export': {
      get: {
        summary: "Download your facilities' shelter records (shelter staff)",
        security: signedIn,
        parameters: [
          shelterKind,
          { name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'json'], default: 'csv' } },
          { name: 'facilityId', in: 'query', schema: { type: 'string', maxLength: 120 } },
          { name: 'history', in: 'query', schema: { type: 'string', enum: ['true', 'false', '1', '0'], default: 'false' } },
        ],
        responses: {
          '200': {
            description: 'The records, as a file',
            headers: requestIdHeader,
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: { $ref: '#/components/schemas/ShelterExport' } },
            },
          },
          '400': problem,
          '401': problem,
          '403': problem,
          '429': problem,
        },
      },
    },
    '/exports/comparison.csv': {
      get: {
        summary: 'The city comparison as CSV (suppressed for policy makers)',
        security: signedIn,
        parameters: comparisonParams,
        responses: {
          '200': { description: 'CSV file', headers: requestIdHeader, content: { 'text/csv': { schema: { type: 'string' } } } },
          '400': problem,
          '401': problem,
          '403': problem,
        },
      },
    },
    '/exports/comparison.html': {
      get: {
        summary: 'The city comparison as a printable HTML page',
        security: signedIn,
        parameters: comparisonParams,
        responses: {
          '200': { description: 'HTML page', headers: requestIdHeader, content: { 'text/html': { schema: { type: 'string' } } } },
          '400': problem,
          '401': problem,
          '403': problem,
        },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics; off (404) unless KETENKAART_METRICS_TOKEN is set',
        security: [{ metricsToken: [] }],
        responses: {
          '200': {
            description: 'Prometheus text format',
            headers: requestIdHeader,
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          '401': problem,
          '404': problem,
        },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This document',
        responses: {
          '200': { description: 'OpenAPI 3.1', headers: requestIdHeader, content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'kk_session' },
      bearer: { type: 'http', scheme: 'bearer', description: 'the session token from the login mutation' },
      metricsToken: { type: 'http', scheme: 'bearer', description: 'KETENKAART_METRICS_TOKEN' },
    },
    headers: {
      RequestId: {
        description: "The request's id: the caller's x-request-id when it is 8-64 of A-Z a-z 0-9 . _ -, else a new UUID",
        schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{8,64}$' },
      },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'code', 'detail'],
        properties: {
          type: { type: 'string', const: 'about:blank' },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          code: { type: 'string', pattern: '^[A-Z_]+$' },
          detail: { type: 'string' },
        },
        additionalProperties: false,
      },
      Health: {
        type: 'object',
        required: ['status', 'store', 'schemaVersion'],
        properties: { status: { const: 'ok' }, store: { enum: ['grafeo', 'neo4j'] }, schemaVersion: { type: 'integer', minimum: 0 } },
      },
      ImportLine: {
        oneOf: [
          {
            type: 'object',
            required: ['type', 'rows'],
            properties: { type: { const: 'progress' }, rows: { type: 'integer', minimum: 0 } },
          },
          {
            type: 'object',
            required: ['type', 'rows', 'dryRun', 'problems', 'totalProblems', 'written'],
            properties: {
              type: { const: 'report' },
              rows: { type: 'integer', minimum: 0 },
              dryRun: { type: 'boolean' },
              problems: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['line', 'message'],
                  properties: { line: { type: 'integer' }, column: { type: ['string', 'null'] }, message: { type: 'string' } },
                },
              },
              totalProblems: { type: 'integer', minimum: 0 },
              written: {
                oneOf: [
                  { type: 'null' },
                  {
                    type: 'object',
                    required: ['created', 'unchanged', 'superseded'],
                    properties: { created: { type: 'integer' }, unchanged: { type: 'integer' }, superseded: { type: 'integer' } },
                  },
                ],
              },
            },
          },
          {
            type: 'object',
            required: ['type', 'code', 'message', 'requestId'],
            properties: { type: { const: 'error' }, code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } },
          },
        ],
      },
      ShelterExport: {
        type: 'object',
        required: ['kind', 'exportedAt', 'records'],
        properties: {
          kind: { enum: ['CAPACITY', 'OCCUPANCY', 'WAITING_LIST', 'REFUSAL'] },
          exportedAt: { type: 'string', format: 'date-time' },
          records: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'key', 'kind', 'facilityId', 'day', 'current'],
              properties: {
                id: { type: 'string' },
                key: { type: 'string' },
                kind: { type: 'string' },
                facilityId: { type: 'string' },
                day: { type: 'string' },
                current: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
  },
} as const;

export function handleOpenApi(request: Request): Response {
  if (request.method !== 'GET') return problemResponse({ status: 405, code: 'METHOD_NOT_ALLOWED', detail: 'use GET' }, { allow: 'GET' });
  return Response.json(openApiDocument, { headers: { 'cache-control': 'no-cache' } });
}
