/** How the tests spawn the command line: as `npm run flowbook` does (see package.json). */
export function cliCommand(): string[] {
  return ['node_modules/.bin/node', 'scripts/flowbook.mjs'];
}
