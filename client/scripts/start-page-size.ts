import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/*
 * The JavaScript a first visit downloads before the start page shows: the entry chunk and
 * everything it imports statically (lazy pages are left out). Printed after every build; above
 * the budget the build fails, so a heavy import on the start page cannot slip in unnoticed.
 */
const BUDGET_BYTES = 200 * 1024;

interface Chunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
if (!entry) throw new Error('no entry chunk in the Vite manifest');

const files = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key]!;
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entry);

let total = 0;
for (const file of [...files].sort()) {
  const gzipped = gzipSync(readFileSync(path.join(dist, file))).length;
  total += gzipped;
  console.log(`  ${file.padEnd(48)} ${(gzipped / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.log(`start page JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);
if (total > BUDGET_BYTES) {
  console.error('The start page is over its JavaScript budget: load the new code lazily (React.lazy) or drop a dependency.');
  process.exit(1);
}
