// A service's OpenAPI document lists only the component schemas its own operations reach. zod's global
// registry holds every schema registered in the process (`.meta({ id })` of every contract imported), and
// fastify-type-provider-zod copies all of them into `components.schemas`: in the one-process fleet each
// service's document carried every other service's schemas too.
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type TransformObject = typeof jsonSchemaTransformObject;
const REF = '#/components/schemas/';

/** `jsonSchemaTransformObject`, then components.schemas cut to what `paths` reference (transitively). */
export const prunedSchemaTransformObject: TransformObject = (document) => {
  const doc = jsonSchemaTransformObject(document) as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const all = doc.components?.schemas;
  if (!all) return doc as ReturnType<TransformObject>;
  const keep = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) {
        const name = decodeURIComponent(v.slice(REF.length));
        if (!keep.has(name) && name in all) {
          keep.add(name);
          visit(all[name]);
        }
      } else visit(v);
    }
  };
  visit(doc.paths);
  // The registry's order is kept, so a document changes only where its service's schemas do.
  const schemas = Object.fromEntries(Object.entries(all).filter(([name]) => keep.has(name)));
  return { ...doc, components: { ...doc.components, schemas } } as ReturnType<TransformObject>;
};
