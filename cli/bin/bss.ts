#!/usr/bin/env node
// The `bss` executable (Node 24 runs this TypeScript directly, as it runs the services).
import { runCli } from '../src/main.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
