// Entry point: `node services/crm/src/main.ts` starts the CRM service from process.env (port 8002 by default).
import { runMain } from '@bss/server-kit';
import { service } from './service.ts';

await runMain(service);
