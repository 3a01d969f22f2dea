// Validates payloads against the official TMF v4 swagger definitions vendored in specs/tmf. Strict by default:
// every definition gets additionalProperties:false, so BSS extras must sit in TMF-legal places.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Where the official swagger files live: vendored in the repository (specs/tmf, see its SOURCES.md). */
export const TMF_DIR = fileURLToPath(new URL('../../../specs/tmf/', import.meta.url));

type Json = Record<string, unknown>;

function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (!node || typeof node !== 'object') return node;
  const obj = Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, strictify(v)])) as Json;
  if (obj.type === 'object' && obj.properties && obj.additionalProperties === undefined) obj.additionalProperties = false;
  return obj;
}

/**
 * Folds `allOf: [{$ref: Parent}]` into one object schema (parent properties and required first, own ones last).
 * Without it, strict mode would reject every sub-type payload (TMF670 `TokenizedCard` extends `PaymentMethod`,
 * which extends `Entity`): each allOf part would refuse the other parts' properties as additional.
 */
function flattenAllOf(definitions: Json): Json {
  const flat = (def: Json, seen: Set<string>): Json => {
    if (!Array.isArray(def.allOf)) return def;
    const parts = (def.allOf as Json[]).map((part) => {
      const ref = typeof part.$ref === 'string' ? part.$ref.replace('#/definitions/', '') : undefined;
      if (ref === undefined) return flat(part, seen);
      if (seen.has(ref) || !definitions[ref]) return {};
      return flat(definitions[ref] as Json, new Set([...seen, ref]));
    });
    const { allOf: _allOf, ...own } = def;
    const properties = Object.assign({}, ...parts.map((p) => (p.properties ?? {}) as Json), (own.properties ?? {}) as Json);
    const required = [...new Set([...parts.flatMap((p) => (p.required ?? []) as string[]), ...((own.required ?? []) as string[])])];
    return { ...own, type: 'object', properties, ...(required.length ? { required } : {}) };
  };
  return Object.fromEntries(Object.entries(definitions).map(([name, def]) => [name, flat(def as Json, new Set([name]))]));
}

/** A validator for one TMF API. `validate('ProductOffering', body)` returns a list of problems (empty = valid). */
export interface TmfValidator {
  validate(definition: string, payload: unknown): string[];
  /** Throws with the problems listed when `payload` is not a valid `definition`. */
  assert(definition: string, payload: unknown): void;
  definitions: string[];
}

/** Loads e.g. `TMF620-ProductCatalog-v4.swagger.json`. */
export function loadTmfValidator(file: string, opts: { strict?: boolean } = {}): TmfValidator {
  const swagger = JSON.parse(readFileSync(`${TMF_DIR}${file}`, 'utf8')) as { definitions: Json };
  const definitions = (opts.strict ?? true) ? (strictify(flattenAllOf(swagger.definitions)) as Json) : swagger.definitions;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  // TMF attachments declare `format: base64`, which ajv-formats does not define.
  ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/);
  ajv.addSchema({ $id: 'tmf', definitions });
  const cache = new Map<string, ValidateFunction>();
  const get = (name: string) => {
    if (!(name in definitions)) throw new Error(`${file} has no definition ${name}`);
    let fn = cache.get(name);
    if (!fn) {
      fn = ajv.compile({ $ref: `tmf#/definitions/${name}` });
      cache.set(name, fn);
    }
    return fn;
  };
  const validate = (definition: string, payload: unknown) => {
    const fn = get(definition);
    return fn(payload) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  };
  return {
    validate,
    assert(definition, payload) {
      const problems = validate(definition, payload);
      if (problems.length) throw new Error(`not a valid TMF ${definition}:\n  ${problems.join('\n  ')}\n${JSON.stringify(payload, null, 2).slice(0, 2000)}`);
    },
    definitions: Object.keys(definitions),
  };
}
