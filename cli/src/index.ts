// @bss/cli: the `bss` command (runCli) and the scenario engine, for tests and other entry points.
export { runCli } from './main.ts';
export { EXIT } from './exit-codes.ts';
export * from './scenarios/index.ts';
