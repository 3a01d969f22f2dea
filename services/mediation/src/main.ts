// Entry point: start the mediation service from process.env; stops cleanly on SIGINT/SIGTERM.
import { runMain } from '@bss/server-kit';
import { service } from './service.ts';

await runMain(service);
