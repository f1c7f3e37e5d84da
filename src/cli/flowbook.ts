#!/usr/bin/env node
/**
 * Flowbook's command line: `npm run --silent flowbook -- check|grade|grade-all …`.
 * See run.ts for the commands, their output and exit statuses.
 */
import { run } from './run.ts';

const result = run(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
