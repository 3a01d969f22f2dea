// What `make compose-check` verifies beyond the YAML being valid: for every container that runs a BSS service,
// the environment compose would hand it is parsed by that service's real config loader, so a key the schema
// refuses (an empty URL, a missing secret) fails here instead of at container start.
//
// The compose semantics are implemented here (no docker-compose binary needed): YAML 1.1 merge keys (`<<`),
// `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `$VAR` and `$$` interpolation,
// `environment` as a map or a `KEY=VALUE` list, and a key without a value taking the host's value (or staying
// unset). `env_file` is refused rather than half-supported. The image sets no ENV of its own (see Dockerfile).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ConfigIssue } from '@bss/config';
import { loadModuleConfig, type ServiceModule } from '@bss/server-kit';
import { parse } from 'yaml';

/** One problem found in a compose file. */
export interface ComposeProblem {
  /** The compose service (or `(file)` for a file-level problem). */
  service: string;
  message: string;
}

type Env = Record<string, string | undefined>;

/** Thrown for `${VAR:?msg}` / `${VAR?msg}` with the variable missing, as compose refuses the file then. */
class InterpolationError extends Error {}

const VARIABLE = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Compose variable substitution of one string against the host environment. */
export function interpolate(text: string, host: Env): string {
  return text.replace(VARIABLE, (whole, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const value = host[name];
    if (!op) return value ?? '';
    const missing = op.startsWith(':') ? value === undefined || value === '' : value === undefined;
    if (op.endsWith('-')) return missing ? interpolate(arg ?? '', host) : value!;
    if (missing) throw new InterpolationError(`required variable ${name} is missing: ${arg || 'no message'}`);
    return value!;
  });
}

function interpolateDeep(node: unknown, host: Env): unknown {
  if (typeof node === 'string') return interpolate(node, host);
  if (Array.isArray(node)) return node.map((n) => interpolateDeep(n, host));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateDeep(v, host)]));
  return node;
}

interface ComposeService {
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  env_file?: unknown;
}

/** Parses and interpolates a compose file; throws InterpolationError or a YAML error. */
export function parseCompose(yamlText: string, host: Env): { services: Record<string, ComposeService> } {
  const doc = parse(yamlText, { merge: true }) as { services?: Record<string, ComposeService> } | null;
  if (!doc || typeof doc !== 'object' || !doc.services) throw new Error('no services: section');
  return interpolateDeep(doc, host) as { services: Record<string, ComposeService> };
}

/** The environment a container of `svc` starts with (compose's `environment` resolution). */
export function containerEnv(name: string, svc: ComposeService, host: Env): Env {
  if (svc.env_file !== undefined) throw new Error(`service ${name}: env_file is not supported by compose-check; inline the keys in environment`);
  const env: Env = {};
  const set = (key: string, value: string | number | boolean | null | undefined) => {
    // `KEY:` (null) or a bare `KEY` list entry passes the host's value through, or leaves the key unset.
    if (value === null || value === undefined) {
      if (host[key] !== undefined) env[key] = host[key];
    } else env[key] = String(value);
  };
  if (Array.isArray(svc.environment)) {
    for (const entry of svc.environment) {
      const eq = entry.indexOf('=');
      if (eq === -1) set(entry, undefined);
      else set(entry.slice(0, eq), entry.slice(eq + 1));
    }
  } else {
    for (const [k, v] of Object.entries(svc.environment ?? {})) set(k, v);
  }
  return env;
}

/** The BSS service directory a container runs (`node services/<dir>/src/main.ts`), if any. */
export function servedModuleDir(svc: ComposeService): string | undefined {
  const command = Array.isArray(svc.command) ? svc.command.join(' ') : (svc.command ?? '');
  return /(?:^|\s)services\/([a-z0-9-]+)\/src\/main\.ts(?:\s|$)/.exec(command)?.[1];
}

/** Service directories that have a ServiceModule (`services/<dir>/src/service.ts`). */
export function serviceModuleDirs(repoRoot: string): string[] {
  return readdirSync(join(repoRoot, 'services'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'services', d.name, 'src', 'service.ts')))
    .map((d) => d.name)
    .sort();
}

async function loadModule(repoRoot: string, dir: string): Promise<ServiceModule<unknown>> {
  const mod = (await import(join(repoRoot, 'services', dir, 'src', 'service.ts'))) as { service: ServiceModule<unknown> };
  return mod.service;
}

const describeIssues = (issues: ConfigIssue[]) => issues.map((i) => `${i.key}: ${i.message}`).join('; ');

/**
 * Every problem in `yamlText` under `host`: interpolation errors, containers whose environment the service's
 * config loader refuses, and (in a file that runs any BSS service) BSS services with no container.
 */
export async function checkCompose(yamlText: string, host: Env, repoRoot: string): Promise<ComposeProblem[]> {
  let compose: { services: Record<string, ComposeService> };
  try {
    compose = parseCompose(yamlText, host);
  } catch (err) {
    return [{ service: '(file)', message: (err as Error).message }];
  }
  const problems: ComposeProblem[] = [];
  const served = new Set<string>();
  for (const [name, svc] of Object.entries(compose.services)) {
    const dir = servedModuleDir(svc);
    if (!dir) continue;
    served.add(dir);
    try {
      loadModuleConfig(await loadModule(repoRoot, dir), containerEnv(name, svc, host));
    } catch (err) {
      if (err instanceof ConfigError) problems.push({ service: name, message: describeIssues(err.issues) });
      else problems.push({ service: name, message: (err as Error).message });
    }
  }
  for (const dir of served.size > 0 ? serviceModuleDirs(repoRoot) : []) {
    if (!served.has(dir)) problems.push({ service: '(file)', message: `no container runs services/${dir}/src/main.ts` });
  }
  return problems;
}
