/**
 * In a browser page or worker, zod's compiled parsers probe `new Function('')`, which the site's
 * strict Content-Security-Policy (no 'unsafe-eval') blocks and reports as a violation: there zod
 * parses without compiling. The command line and the build keep the compiled, faster parsers.
 * Every schema module imports this first, so the setting is in place before any schema is built,
 * whichever schema a bundle (the modeller, its read and lint workers) happens to load first.
 */
import { z } from 'zod';

if (typeof (globalThis as { document?: unknown }).document !== 'undefined' || 'WorkerGlobalScope' in globalThis) z.config({ jitless: true });
