import { createHash } from 'node:crypto';

type Doc = { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, Operation>> };
type Operation = { summary: string; 'x-access': string; parameters?: { name: string; in: string; required: boolean; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description?: string; content?: Record<string, { schema: unknown }>; $ref?: string }> };

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h2{margin-top:2rem;border-bottom:1px solid #ccc}details{margin:.4rem 0;border:1px solid #ddd;border-radius:4px;padding:.3rem .6rem}
summary{cursor:pointer}code.m{display:inline-block;min-width:4.2rem;font-weight:bold}pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:24rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}.a{color:#555;font-size:.9em}`;

/** The page carries its own CSP: no script at all, and only this exact inline style. */
export const DOCS_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const json = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

function renderOperation(method: string, path: string, op: Operation): string {
  const params = op.parameters?.length
    ? `<table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${op.parameters
        .map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escape(JSON.stringify(p.schema))}</code></td></tr>`)
        .join('')}</table>`
    : '';
  const body = op.requestBody ? `<h4>Request body</h4>${json(Object.values(op.requestBody.content)[0]?.schema)}` : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => (r.$ref ? `<code>${status}</code>` : `<h4>${status} ${escape(r.description ?? '')}</h4>${r.content ? json(Object.values(r.content)[0]?.schema) : ''}`))
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(doc.info.title)}</title><style>${STYLE}</style></head>
<body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1><p>${escape(doc.info.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Error responses are listed per status under <code>components.responses</code>.</p>${sections}</body></html>`;
}
