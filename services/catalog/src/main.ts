// Entry point: `node services/catalog/src/main.ts` (config from BSS_* env).
import { runMain } from '@bss/server-kit';
import { service } from './service.ts';

await runMain(service);
