import SwaggerParser from '@apidevtools/swagger-parser';
import { ERROR_STATUS } from '@landraeume/shared';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../db/testing/test-app';
import { openApiPath } from './openapi';

/*
 * The API document against the route registry: a route added without its schemas, or a schema
 * the generator cannot describe, fails here.
 */
let t: TestApp;
let doc: {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string; required: boolean; schema: object }[]; requestBody?: { content: Record<string, { schema: { type?: string } }> }; responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }> }>>;
  components: { responses: Record<string, { content: { 'application/json': { schema: { properties: { error: { properties: { code: { enum: string[] } }; required: string[] } } } } } }> };
};
beforeAll(async () => {
  t = await createTestApp();
  const res = await request(t.app).get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
  doc = res.body;
});
afterAll(async () => {
  await t.close();
});

const keysOf = (schema: object | undefined) => Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (the official schema, and every $ref resolves)', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('has what clients rely on beyond the schema: unique operation ids, path templates matching parameters', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    const operationIds = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
    for (const [path, methods] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\//);
      for (const [method, op] of Object.entries(methods)) {
        expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        // Every {name} in the path is a required path parameter, and nothing else is.
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
        expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort(), `${method} ${path}`).toEqual(templated);
        for (const p of op.parameters ?? []) if (p.in === 'path') expect(p.required).toBe(true);
        for (const response of Object.values(op.responses)) {
          if (response.$ref) expect(doc.components.responses[response.$ref.replace('#/components/responses/', '')], response.$ref).toBeDefined();
        }
      }
    }
  });

  it('describes every route of the registry: method, path, parameters, body and success answer', () => {
    const missing: string[] = [];
    for (const route of t.routes) {
      const where = `${route.method.toUpperCase()} ${route.path}`;
      const op = doc.paths[openApiPath(route.path)]?.[route.method];
      if (!op) {
        missing.push(`${where}: not in the document`);
        continue;
      }
      if (route.response === undefined) missing.push(`${where}: no response schema in its defineRoute`);
      const documented = (where: 'path' | 'query') => (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name).sort();
      if (route.params && documented('path').length === 0) missing.push(`${where}: path parameters not described`);
      if (route.query) {
        const declared = Object.keys((route.query as unknown as { shape?: object }).shape ?? {}).sort();
        if (documented('query').length === 0 || (declared.length && JSON.stringify(declared) !== JSON.stringify(documented('query')))) missing.push(`${where}: query parameters not described`);
      }
      if (route.body && !op.requestBody?.content['application/json']?.schema) missing.push(`${where}: request body not described`);
      const success = Object.keys(op.responses).filter((status) => status.startsWith('2'));
      if (success.length !== 1) missing.push(`${where}: no success response`);
    }
    expect(missing).toEqual([]);
    expect(Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0)).toBe(t.routes.length);
  });

  it('lists every error code with its status and the error body', () => {
    const documented = new Map<string, number>();
    for (const [name, response] of Object.entries(doc.components.responses)) {
      const error = response.content['application/json'].schema.properties.error;
      expect(error.required).toEqual(expect.arrayContaining(['code', 'message']));
      for (const code of error.properties.code.enum) documented.set(code, Number(name.replace('Error', '')));
    }
    expect(Object.fromEntries(documented)).toEqual(ERROR_STATUS);
    const op = doc.paths['/api/bookings']!.post!;
    expect(op.responses['409']?.$ref).toBe('#/components/responses/Error409');
    expect(op.responses['201']?.content?.['application/json']?.schema).toMatchObject({ type: 'object' });
  });

  it('describes a booking request the way the API parses it', () => {
    const op = doc.paths['/api/bookings']!.post!;
    expect(keysOf(op.requestBody!.content['application/json']!.schema)).toEqual(expect.arrayContaining(['spaceId', 'resourceId', 'start', 'end', 'date']));
    const search = doc.paths['/api/spaces']!.get!;
    expect(search.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'kind', 'near', 'page']));
    expect(doc.paths['/api/spaces/{id}/availability']!.get!.parameters!.find((p) => p.name === 'id')).toMatchObject({ in: 'path', required: true });
  });

  it('serves a readable page without scripts, under its own strict CSP', async () => {
    const res = await request(t.app).get('/api/docs').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain('/api/bookings/{id}/cancel');
    expect(res.text).not.toMatch(/<script/i);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/style-src 'sha256-/);
  });
});
