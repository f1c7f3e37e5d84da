#!/usr/bin/env node
/**
 * Flowbook's command line: `npm run --silent flowbook -- check|grade|grade-all …`.
 * See run.ts for the commands, their output and exit statuses. run() never throws; a closed
 * output pipe (`flowbook check … | head`) ends the program quietly instead of with a stack trace.
 */
import { run } from './run.ts';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
}
process.on('uncaughtException', (e) => {
  try {
    process.stderr.write(`flowbook: 内部错误 (internal error): ${e instanceof Error ? e.message : String(e)}\n`);
  } finally {
    process.exit(2);
  }
});

const result = run(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
