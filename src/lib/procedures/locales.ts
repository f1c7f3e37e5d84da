/**
 * The generated views (roles, forms, glossary) exist under the root locale and under /en/, like
 * Starlight's own pages, so the sidebar's links work in both interfaces.
 */
export const VIEW_LOCALES = [undefined, 'en'] as const;
export type ViewLocale = (typeof VIEW_LOCALES)[number];

export function localePaths() {
  return VIEW_LOCALES.map((locale) => ({ params: { locale }, props: { prefix: locale ? `/${locale}` : '' } }));
}
