/**
 * The two Mermaid themes of the site. Diagrams are rendered once per theme at build time and the
 * page shows the one that matches Starlight's theme switch (`:root[data-theme]`).
 * Colours are chosen for WCAG AA text contrast against every fill they sit on
 * (tests/unit/mermaid/theme.test.ts checks the pairs).
 */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export interface DiagramTheme {
  name: 'light' | 'dark';
  background: string;
  variables: Record<string, string | boolean>;
}

export const lightTheme: DiagramTheme = {
  name: 'light',
  background: '#ffffff',
  variables: {
    darkMode: false,
    background: '#ffffff',
    fontFamily: FONT_FAMILY,
    fontSize: '15px',
    primaryColor: '#e8f0fe',
    primaryTextColor: '#0f172a',
    primaryBorderColor: '#36589c',
    secondaryColor: '#fdf3e1',
    secondaryTextColor: '#0f172a',
    secondaryBorderColor: '#9a6a16',
    tertiaryColor: '#f1f5f9',
    tertiaryTextColor: '#0f172a',
    tertiaryBorderColor: '#64748b',
    lineColor: '#334155',
    textColor: '#0f172a',
    mainBkg: '#e8f0fe',
    nodeBorder: '#36589c',
    nodeTextColor: '#0f172a',
    clusterBkg: '#f8fafc',
    clusterBorder: '#94a3b8',
    titleColor: '#0f172a',
    edgeLabelBackground: '#ffffff',
    noteBkgColor: '#fff8c5',
    noteTextColor: '#0f172a',
  },
};

export const darkTheme: DiagramTheme = {
  name: 'dark',
  background: '#17181c',
  variables: {
    darkMode: true,
    background: '#17181c',
    fontFamily: FONT_FAMILY,
    fontSize: '15px',
    primaryColor: '#1e2b45',
    primaryTextColor: '#f1f5f9',
    primaryBorderColor: '#8fb0ee',
    secondaryColor: '#3a2c12',
    secondaryTextColor: '#f1f5f9',
    secondaryBorderColor: '#e0b25c',
    tertiaryColor: '#232833',
    tertiaryTextColor: '#f1f5f9',
    tertiaryBorderColor: '#94a3b8',
    lineColor: '#cbd5e1',
    textColor: '#e2e8f0',
    mainBkg: '#1e2b45',
    nodeBorder: '#8fb0ee',
    nodeTextColor: '#f1f5f9',
    clusterBkg: '#1f232c',
    clusterBorder: '#64748b',
    titleColor: '#f1f5f9',
    edgeLabelBackground: '#17181c',
    noteBkgColor: '#3b3413',
    noteTextColor: '#f8fafc',
  },
};

/** Text/fill pairs that must reach 4.5:1, per theme. */
export function contrastPairs(t: DiagramTheme): Array<[string, string, string]> {
  const v = (key: string) => String(t.variables[key]);
  return [
    ['node text on node fill', v('primaryTextColor'), v('primaryColor')],
    ['secondary text', v('secondaryTextColor'), v('secondaryColor')],
    ['tertiary text', v('tertiaryTextColor'), v('tertiaryColor')],
    ['text on background', v('textColor'), t.background],
    ['edge label', v('textColor'), v('edgeLabelBackground')],
    ['cluster title', v('titleColor'), v('clusterBkg')],
    ['note', v('noteTextColor'), v('noteBkgColor')],
  ];
}

export function mermaidConfig(t: DiagramTheme) {
  return {
    theme: 'base' as const,
    themeVariables: t.variables,
    fontFamily: FONT_FAMILY,
    securityLevel: 'strict' as const,
    // Shapes drawn through roughjs (documents, cylinders, …) get random curve points unless seeded:
    // seeded, the same diagram gives the same SVG in every build.
    handDrawnSeed: 1,
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: false, padding: 12, nodeSpacing: 40, rankSpacing: 50 },
    sequence: { useMaxWidth: false },
    state: { useMaxWidth: false },
  };
}
