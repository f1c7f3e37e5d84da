/**
 * ESLint for Flowbook (`npm run lint`, the first step of `npm test`): JavaScript and typescript-eslint's
 * recommended rules everywhere, the React hooks and jsx-a11y rules on the modeller's .tsx files, and the
 * layering rule `flowbook/layers`, which keeps each folder to what it may import (README, Map of the
 * code). .astro files are left to the Astro build and `astro sync && tsc`.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

const REACT = ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*'];
const ASTRO = ['astro', 'astro/*', 'astro:*', '@astrojs/*'];
/** Browser-only globals: a module that touches them cannot run in the build or the command line. */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'DOMParser'];

/**
 * What each folder may import. A file obeys every entry whose folder holds it (src/lib/dfd/x.ts obeys
 * `src/lib` and `src/lib/dfd`). `notFolders`/`notPackages` forbid; `onlyFolders`/`onlyPackages` allow
 * nothing else. Package patterns: `name`, `name/*` (its subpaths), `astro:*` (a prefix).
 */
export const LAYERS = {
  // Pure helpers shared by the build, the modeller and the command line.
  'src/lib': {
    notFolders: ['src/editor', 'src/components', 'src/pages', 'src/cli', 'src/loaders', 'src/integrations', 'src/scripts', 'scripts'],
    notPackages: [...REACT, ...ASTRO, 'jsdom'],
  },
  // The DFD core: no framework, no Node, no DOM (design.md); it reads only itself and the schemas.
  'src/lib/dfd': {
    onlyFolders: ['src/lib/dfd', 'src/schemas'],
    onlyPackages: ['zod', 'zod/*', 'opencc-js', 'opencc-js/*', 'elkjs', 'elkjs/*'],
  },
  // The business flow chart core: pure like the DFD core, whose reading and text helpers it shares.
  'src/lib/bfc': {
    onlyFolders: ['src/lib/bfc', 'src/lib/dfd', 'src/schemas'],
    onlyPackages: ['zod', 'zod/*', 'opencc-js', 'opencc-js/*', 'elkjs', 'elkjs/*'],
  },
  // zod schemas and the types inferred from them.
  'src/schemas': { onlyFolders: ['src/schemas'], onlyPackages: ['zod', 'zod/*'] },
  // The React island: no Astro, and none of the site's or the command line's code.
  'src/editor': {
    notFolders: ['src/components', 'src/pages', 'src/cli', 'src/loaders', 'src/integrations', 'scripts'],
    notPackages: ASTRO,
  },
  'src/cli': { notFolders: ['src/editor', 'src/components', 'src/pages', 'scripts'], notPackages: [...REACT, ...ASTRO] },
  // Tests test src/; code they share with the scripts lives in src/ too.
  tests: { notFolders: ['scripts'] },
};

const matches = (name, pattern) =>
  pattern.endsWith(':*') ? name.startsWith(pattern.slice(0, -1)) : pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
const inFolder = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const ALIASES = { '@lib/': 'src/lib/', '@components/': 'src/components/', '@schemas/': 'src/schemas/' };

/** `{ folder }` (a path from the repository root) for a file import, `{ pkg }` for a package. */
function target(spec, file) {
  if (spec.startsWith('.'))
    return {
      folder: relative(ROOT, resolve(dirname(file), spec))
        .split(sep)
        .join('/'),
    };
  for (const [alias, folder] of Object.entries(ALIASES)) if (spec.startsWith(alias)) return { folder: folder + spec.slice(alias.length) };
  return { pkg: spec };
}

/** Why `file` (from the root) may not import `spec`, or undefined. */
export function layerViolation(file, spec) {
  const to = target(spec, resolve(ROOT, file));
  for (const [layer, rules] of Object.entries(LAYERS)) {
    if (!inFolder(file, layer)) continue;
    if (to.folder !== undefined) {
      const bad = rules.notFolders?.find((f) => inFolder(to.folder, f));
      if (bad) return `${layer} may not import ${bad} (${spec})`;
      if (rules.onlyFolders && !rules.onlyFolders.some((f) => inFolder(to.folder, f))) return `${layer} may import only ${rules.onlyFolders.join(', ')} (${spec})`;
    } else {
      if (rules.notPackages?.some((p) => matches(to.pkg, p))) return `${layer} may not import ${spec}`;
      if (rules.onlyPackages && !rules.onlyPackages.some((p) => matches(to.pkg, p)))
        return `${layer} may import no package but ${rules.onlyPackages.filter((p) => !p.includes('*')).join(', ')} (${spec})`;
    }
  }
  return undefined;
}

/** The rule: every import, export … from and import() with a string names a module its layer allows. */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps each folder to the modules its layer may import (the README's map of the code)" },
    messages: { layer: '{{why}}: see the layers in eslint.config.js and the README' },
    schema: [],
  },
  create(context) {
    const file = relative(ROOT, context.filename).split(sep).join('/');
    if (file.startsWith('..') || !Object.keys(LAYERS).some((layer) => inFolder(file, layer))) return {};
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = layerViolation(file, source.value);
      if (why) context.report({ node: source, messageId: 'layer', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-cli/', '.astro/', 'tmp-*.mjs', 'node_modules/', 'content/', 'public/', 'test-results/', 'playwright-report/', 'blob-report/', '**/*.astro'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { flowbook: { rules: { layers: layersRule } } },
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'flowbook/layers': 'error',
      // Finding, escaping and refusing control characters is deliberate here (labels, terminals, CSV, XML).
      'no-control-regex': 'off',
      // `_name` marks a parameter or binding kept for its position or shape.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/lib/**', 'src/schemas/**', 'src/cli/**'],
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'The core and the command line run without a DOM.' }))] },
  },
  {
    files: ['src/editor/**', 'src/scripts/**', 'src/components/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Functions these scripts send into a browser page (page.evaluate) run with the DOM.
    files: ['scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/editor/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/editor/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
);
