// The CLI's settings, read once from the environment and the files `make up` writes: the operator token
// (BSS_API_TOKEN, else .bss/api-token), the KYC signing secret (BSS_KYC_SIGNING_SECRET, else .bss/kyc-signing-secret)
// and each service URL (BSS_<SVC>_URL, else http://127.0.0.1:<BSS_<SVC>_PORT or its default port>), exactly the
// addresses `make up` binds. Nothing else in the CLI reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envStem, SERVICE_NAMES, SERVICE_PORTS, type ServiceName } from '@bss/config';

/** The repository root (where `make up` keeps .bss/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A missing or bad setting; the message names it and how to provide it. */
export class CliConfigError extends Error {
  override readonly name = 'CliConfigError';
}

export interface CliConfig {
  token: string;
  urls: Record<ServiceName, string>;
  kycSigningSecret: string | undefined;
  /** The portal's named token (BSS_PORTAL_SELF_SERVE_API_TOKEN), offered to scenarios as `portal_token` when set. */
  portalToken: string | undefined;
  /** Colour on: stdout is a TTY and NO_COLOR is unset. */
  color: boolean;
  /** Progress spinner on: stderr is a TTY. */
  spinner: boolean;
  width: number;
}

type Env = Record<string, string | undefined>;

const fromFile = (root: string, file: string) => {
  const path = `${root}.bss/${file}`;
  return existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
};

/** The URL of every service, as `make up` binds them unless overridden. */
export function serviceUrls(env: Env): Record<ServiceName, string> {
  const host = env.BSS_HOST && !['0.0.0.0', '::'].includes(env.BSS_HOST) ? env.BSS_HOST : '127.0.0.1';
  const urls = {} as Record<ServiceName, string>;
  for (const name of SERVICE_NAMES) {
    const stem = envStem(name);
    const url = env[`BSS_${stem}_URL`] ?? `http://${host}:${env[`BSS_${stem}_PORT`] ?? SERVICE_PORTS[name]}`;
    try {
      new URL(url);
    } catch {
      throw new CliConfigError(`BSS_${stem}_URL is not a URL: ${url}`);
    }
    urls[name] = url;
  }
  return urls;
}

/** The operator token; throws naming BSS_API_TOKEN and .bss/api-token when neither is there. */
export function readToken(env: Env, root = REPO_ROOT): string {
  const token = env.BSS_API_TOKEN || fromFile(root, 'api-token');
  if (!token) throw new CliConfigError(`BSS_API_TOKEN is not set and ${root}.bss/api-token does not exist (run \`make up\` once, or export BSS_API_TOKEN)`);
  return token;
}

/** Reads everything but the token (a command that needs no service, like `scenario validate`, must not need one). */
export function loadCliConfig(env: Env, tty: { stdout: boolean; stderr: boolean; columns?: number | undefined }, root = REPO_ROOT): Omit<CliConfig, 'token'> & { token: () => string } {
  return {
    token: () => readToken(env, root),
    urls: serviceUrls(env),
    kycSigningSecret: env.BSS_KYC_SIGNING_SECRET || fromFile(root, 'kyc-signing-secret'),
    portalToken: env.BSS_PORTAL_SELF_SERVE_API_TOKEN || undefined,
    color: tty.stdout && env.NO_COLOR === undefined,
    spinner: tty.stderr,
    width: Number(env.BSS_CLI_WIDTH) || tty.columns || 100,
  };
}
