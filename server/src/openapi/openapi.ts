import { ERROR_STATUS, errorBodySchema, type ErrorCode } from '@landraeume/shared';
import { z } from 'zod';
import type { AnyRoute } from '../http/route';
import { SESSION_COOKIE } from '../accounts/session';

type JsonSchema = Record<string, unknown>;

/**
 * Dates arrive as ISO strings and some inputs are transformed after parsing: `io` picks the side
 * a document describes (what a client sends, what it gets back); refinements JSON Schema cannot
 * express become "any" instead of failing the whole document.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** express writes `/api/spaces/:id`, OpenAPI `/api/spaces/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input', 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found (also for what is not yours to see)', 405: 'Method not allowed',
  409: 'Conflict', 413: 'Payload too large', 414: 'URI too long', 415: 'Unsupported media type', 422: 'A booking or business rule is broken',
  429: 'Rate limited (see Retry-After)', 431: 'Headers too large', 500: 'Unexpected error', 503: 'Temporarily unavailable (see Retry-After)',
};

/** Error codes grouped by their HTTP status, straight from the one list in shared/src/errors.ts. */
function codesByStatus(): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const [code, status] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

function errorResponses(): Record<string, JsonSchema> {
  const body = jsonSchema(errorBodySchema, 'output') as { properties: { error: { properties: Record<string, JsonSchema> } } };
  return Object.fromEntries(
    [...codesByStatus()].map(([status, codes]) => {
      const schema = structuredClone(body);
      schema.properties.error.properties.code = { type: 'string', enum: codes };
      return [`Error${status}`, { description: `${STATUS_TEXT[status] ?? 'Error'}: ${codes.join(', ')}`, content: { 'application/json': { schema } } }];
    }),
  );
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function successResponse(route: AnyRoute): Record<string, JsonSchema> {
  if (route.response === null) return { '204': { description: 'Done, no content' } };
  const schema = route.response ? jsonSchema(route.response, 'output') : {};
  return { [String(route.status ?? 200)]: { description: 'Success', content: { [route.contentType ?? 'application/json']: { schema } } } };
}

const SECURITY: Record<AnyRoute['access'], JsonSchema[] | undefined> = {
  public: undefined,
  signed_in: [{ session: [] }],
  verified: [{ session: [] }],
  operator: [{ metricsToken: [] }],
};

function operation(route: AnyRoute, errors: string[]): JsonSchema {
  const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')];
  return {
    operationId: `${route.method}${openApiPath(route.path).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: route.summary,
    tags: [route.path.split('/')[route.path.startsWith('/api/') ? 2 : 1] ?? 'ops'],
    'x-access': route.access,
    ...(SECURITY[route.access] ? { security: SECURITY[route.access] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    responses: { ...successResponse(route), ...Object.fromEntries(errors.map((name) => [name.slice('Error'.length), { $ref: `#/components/responses/${name}` }])) },
  };
}

/** The API document, generated from the route registry and the shared zod schemas. */
export function buildOpenApi(routes: AnyRoute[], info: { version: string; serverUrl: string }): JsonSchema {
  const errors = errorResponses();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    (paths[path] ??= {})[route.method] = operation(route, Object.keys(errors));
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Landräume API',
      version: info.version,
      description: 'Coworking desks and municipal rooms in Kreis Coesfeld. Errors always answer `{ "error": { "code", "message", "details?" } }`; codes are stable.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      responses: errors,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN; without one configured, direct loopback requests only' },
      },
    },
  };
}
