import { createHash } from 'node:crypto';

type Doc = { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, Operation>>; components: { responses: Record<string, { description: string }> } };
type Operation = { summary: string; 'x-access': string; parameters?: { name: string; in: string; required: boolean; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description?: string; content?: Record<string, { schema: unknown }>; $ref?: string }> };

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h2{margin-top:2rem;border-bottom:1px solid #ccc}details{margin:.4rem 0;border:1px solid #ddd;border-radius:4px;padding:.3rem .6rem}
summary{cursor:pointer}code.m{display:inline-block;min-width:4.2rem;font-weight:bold}ul{margin:.1rem 0;padding-left:1.4rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}.a{color:#555;font-size:.9em}`;

/** The page carries its own CSP: no script at all, and only this exact inline style. */
export const DOCS_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Schema = { type?: string | string[]; format?: string; enum?: unknown[]; const?: unknown; items?: Schema; properties?: Record<string, Schema>; required?: string[]; anyOf?: Schema[]; oneOf?: Schema[]; default?: unknown; minLength?: number; maxLength?: number; minimum?: number; maximum?: number };

/** A schema as people read it: `string (uuid)`, `"a" | "b"`, nested field lists; the exact JSON Schema is in the document. */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (schema.const !== undefined) return escape(JSON.stringify(schema.const));
  if (schema.enum) return schema.enum.map((v) => escape(JSON.stringify(v))).join(' | ');
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(' | ');
  if (schema.properties) return fields(schema);
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (type === 'array') return `${typeOf(schema.items)}[]`;
  // zod states the safe-integer range on every integer; only a real bound is worth showing.
  const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n);
  const [min, max] = [bound(schema.minimum), bound(schema.maximum)];
  const length = schema.minLength !== undefined || schema.maxLength !== undefined ? `length ${schema.minLength ?? 0}–${schema.maxLength ?? '∞'}` : undefined;
  const limits = [schema.format, length, min !== undefined || max !== undefined ? `${min ?? '−∞'}–${max ?? '∞'}` : undefined].filter(Boolean);
  return `${type ?? 'any'}${limits.length ? ` <span class="a">(${escape(limits.join(', '))})</span>` : ''}`;
}

function fields(schema: Schema): string {
  const items = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const optional = schema.required?.includes(name) ? '' : '?';
    const fallback = property.default !== undefined ? ` <span class="a">default ${escape(JSON.stringify(property.default))}</span>` : '';
    return `<li><code>${escape(name)}${optional}</code>: ${typeOf(property)}${fallback}</li>`;
  });
  return `object<ul>${items.join('')}</ul>`;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = op.parameters?.length
    ? `<table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${op.parameters
        .map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${typeOf(p.schema as Schema)}</td></tr>`)
        .join('')}</table>`
    : '';
  const body = op.requestBody ? `<h4>Request body</h4>${typeOf(Object.values(op.requestBody.content)[0]?.schema as Schema)}` : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => (r.$ref ? `<code>${status}</code>` : `<h4>${status} ${escape(r.description ?? '')}</h4>${r.content ? typeOf(Object.values(r.content)[0]?.schema as Schema) : ''}`))
    .join(' ');
  return `<details><summary><code class="m">${method.toUpperCase()}</code> <code>${escape(path)}</code> — ${escape(op.summary)} <span class="a">(${escape(op['x-access'])})</span></summary>${params}${body}<h4>Responses</h4>${responses}</details>`;
}

/** A readable page of the API document, rendered on the server: no CDN, no script. */
export function renderDocsPage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op as { tags?: string[] }).tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('')}`).join('');
  const errors = `<h2>Errors</h2><p>Every error answers <code>{ "error": { "code", "message", "details?" } }</code>; the codes by status:</p><table>${Object.entries(doc.components.responses)
    .map(([name, r]) => `<tr><td><code>${escape(name.replace('Error', ''))}</code></td><td>${escape(r.description)}</td></tr>`)
    .join('')}</table>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(doc.info.title)}</title><style>${STYLE}</style></head>
<body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1><p>${escape(doc.info.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>${sections}${errors}</body></html>`;
}
