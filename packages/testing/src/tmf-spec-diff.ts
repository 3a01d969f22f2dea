// Compares a service's own OpenAPI document with an official TMF v4 swagger file, resource by resource: every
// operation the specification defines on a resource we serve must exist at the same path (under the spec's
// basePath, or the one we deliberately use), with every query parameter the spec lists and every response code
// it lists. Path parameter names may differ (`{id}` vs `{offeringId}`); their positions may not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TMF_DIR } from './tmf-validator.ts';

type Json = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
}
type PathItem = Record<string, Operation>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** `/a/{id}/b` and `/a/{offeringId}/b` compare equal. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '');

export interface SpecDiffOptions {
  /** Top-level resources we serve, e.g. `['productOffering', 'productOfferingPrice']`; `/resource` and `/resource/{id}` are compared. */
  resources: string[];
  /** Our base path when it deliberately differs from the spec's `basePath` (recorded in DECISIONS.md). */
  basePath?: string;
}

/** Problems found, as readable lines; an empty list means the document covers the specification for `resources`. */
export function diffAgainstSpec(ourDocument: unknown, swaggerFile: string, opts: SpecDiffOptions): string[] {
  const spec = JSON.parse(readFileSync(join(TMF_DIR, swaggerFile), 'utf8')) as { basePath?: string; paths: Record<string, PathItem> };
  const base = (opts.basePath ?? spec.basePath ?? '').replace(/\/+$/, '');
  const ours = new Map<string, PathItem>();
  for (const [path, item] of Object.entries(((ourDocument as Json).paths ?? {}) as Record<string, PathItem>)) ours.set(shape(path), item);

  const problems: string[] = [];
  for (const resource of opts.resources) {
    const specPaths = Object.entries(spec.paths).filter(([p]) => p === `/${resource}` || p.startsWith(`/${resource}/`));
    if (specPaths.length === 0) problems.push(`${resource}: not a resource of ${swaggerFile}`);
    for (const [specPath, specItem] of specPaths) {
      const full = `${base}${specPath}`;
      const ourItem = ours.get(shape(full));
      for (const method of METHODS.filter((m) => specItem[m])) {
        const op = ourItem?.[method];
        const label = `${method.toUpperCase()} ${full}`;
        if (!op) {
          problems.push(`${label}: operation missing`);
          continue;
        }
        const ourQuery = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
        for (const p of specItem[method]!.parameters ?? []) {
          if (p.in === 'query' && !ourQuery.has(p.name)) problems.push(`${label}: query parameter '${p.name}' missing`);
        }
        const ourCodes = new Set(Object.keys(op.responses ?? {}));
        for (const code of Object.keys(specItem[method]!.responses ?? {})) {
          if (!ourCodes.has(code)) problems.push(`${label}: response ${code} not documented`);
        }
      }
    }
  }
  return problems;
}
