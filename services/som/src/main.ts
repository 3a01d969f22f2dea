// Entry point: start the SOM service from process.env; stops cleanly on SIGINT/SIGTERM.
// Compiled (and type-stripped) modules are cached on disk, as `make up` does (packages/fleet/src/cli/up.ts):
// a warm start skips the TypeScript stripper. Enabled before the service's modules load, hence the dynamic imports.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { runMain } = await import('@bss/server-kit');
const { service } = await import('./service.ts');

await runMain(service);
