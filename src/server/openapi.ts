import { z } from 'zod';
import {
  DocumentQuerySchema,
  DocumentRowSchema,
  EntityQuerySchema,
  EntityRowSchema,
  ErrorSchema,
  ExtractionSchema,
  HealthSchema,
  IngestResultSchema,
  MergedEventSchema,
  SearchHitSchema,
  SearchQuerySchema,
  SituationQuerySchema,
  SituationSchema,
  StoredDocumentSchema,
  EventQuerySchema,
} from './contract.js';

type Json = Record<string, unknown>;

/** A component schema from a zod schema (JSON Schema 2020-12, which OpenAPI 3.1 uses as is). */
function component(schema: z.ZodType): Json {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' }) as Json;
  delete s.$schema;
  return s;
}

/** Query parameters from a zod object schema of a query string. */
function parameters(schema: z.ZodObject): Json[] {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, Json>; required?: string[] };
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({ name, in: 'query', required: required.has(name), schema: p }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string) => ({ description, content: { 'application/json': { schema } } });
const page = (item: string) => ({
  type: 'object',
  required: ['items', 'next', 'offset'],
  properties: { items: { type: 'array', items: ref(item) }, next: { type: ['string', 'null'], description: 'cursor of the next page' }, offset: { type: 'integer' } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: `#/components/responses/E${code}` }]));
const articleBody = {
  required: true,
  content: {
    'text/plain': { schema: { type: 'string' } },
    'text/html': { schema: { type: 'string' } },
    'application/json': { schema: { type: 'object', properties: { text: { type: 'string' }, html: { type: 'string' }, published: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' } } } },
    'application/x-ndjson': { schema: { type: 'string', description: 'JSONL article records {id, text | html, url, title, published}' } },
  },
};
const metaParams = [
  { name: 'published', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
  { name: 'title', in: 'query', required: false, schema: { type: 'string' } },
  { name: 'url', in: 'query', required: false, schema: { type: 'string' } },
];

let cached: Json | null = null;

/** The OpenAPI 3.1 document of the API, built around the zod contract schemas (computed once). */
export function openApiDocument(): Json {
  if (cached) return cached;
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '0.1.0',
      description:
        'News articles in, PLOVER 0.8 events with evidence spans, modality and attribution out. Reads are open on loopback; writes need `Authorization: Bearer <token>`. Errors are `{error: {code, message}}` with a stable code.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Extraction: component(ExtractionSchema),
        MergedEvent: component(MergedEventSchema),
        Situation: component(SituationSchema),
        DocumentRow: component(DocumentRowSchema),
        StoredDocument: component(StoredDocumentSchema),
        EntityRow: component(EntityRowSchema),
        SearchHit: component(SearchHitSchema),
        IngestResult: component(IngestResultSchema),
        Health: component(HealthSchema),
        Error: component(ErrorSchema),
      },
      responses: Object.fromEntries(
        [
          [400, 'bad request (BAD_OPTION, BAD_JSON, BAD_INPUT, EMPTY_INPUT, BAD_DATE)'],
          [401, 'missing or wrong bearer token (UNAUTHORIZED)'],
          [404, 'unknown id or route (NOT_FOUND)'],
          [413, 'request body too large (TOO_LARGE)'],
          [422, 'no article text found (NO_ARTICLE_TEXT)'],
        ].map(([code, description]) => [`E${code}`, json(ref('Error'), String(description))]),
      ),
    },
    paths: {
      '/api/health': { get: { summary: 'store kind and sizes', responses: { 200: json(ref('Health'), 'ok') } } },
      '/api/documents': {
        get: { summary: 'stored documents in publication order', parameters: parameters(DocumentQuerySchema), responses: { 200: json(page('DocumentRow'), 'a page'), ...errors(400) } },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'one document with its text and extraction (annotations)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json(ref('StoredDocument'), 'the document'), ...errors(404) },
        },
      },
      '/api/events': {
        get: {
          summary: 'merged events with their mentions, filtered as in `parley events`',
          parameters: parameters(EventQuerySchema),
          responses: { 200: json(page('MergedEvent'), 'a page'), ...errors(400) },
        },
      },
      '/api/entities': {
        get: { summary: 'entities aggregated across documents', parameters: parameters(EntityQuerySchema), responses: { 200: json(page('EntityRow'), 'a page'), ...errors(400) } },
      },
      '/api/situation': {
        get: { summary: 'negotiations, agreements, exchanges, captives', parameters: parameters(SituationQuerySchema), responses: { 200: json(ref('Situation'), 'the situation'), ...errors(400) } },
      },
      '/api/search': {
        get: {
          summary: 'documents whose text contains a phrase (case-insensitive)',
          parameters: parameters(SearchQuerySchema),
          responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('SearchHit') } } }, 'matches'), ...errors(400) },
        },
      },
      '/api/extract': {
        post: {
          summary: 'code one article without storing it',
          parameters: metaParams,
          requestBody: articleBody,
          responses: {
            200: json({ type: 'object', properties: { text: { type: 'string' }, extraction: ref('Extraction') } }, 'the coded article'),
            ...errors(400, 413, 422),
          },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'extract and store articles (text, HTML, a JSON article or JSONL records)',
          security: [{ bearer: [] }],
          parameters: metaParams,
          requestBody: articleBody,
          responses: { 200: json(ref('IngestResult'), 'nothing new'), 201: json(ref('IngestResult'), 'stored'), ...errors(400, 401, 413, 422) },
        },
      },
    },
  };
  return cached;
}
