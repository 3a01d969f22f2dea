// Entry point: start the rating service from process.env; stops cleanly on SIGINT/SIGTERM.
import { runMain } from '@bss/server-kit';
import { service } from './service.ts';

await runMain(service);
