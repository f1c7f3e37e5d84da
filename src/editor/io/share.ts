/**
 * Share links: the whole document, compressed with lz-string, in the URL fragment (never sent to
 * a server). Opening one loads a copy into a new diagram; the user's own work is never replaced.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** Longest link we hand out: beyond this, chat apps, mail clients and some browsers cut links. */
export const MAX_SHARE_URL = 8000;
const KEY = 'share=';

export type ShareLink = { ok: true; url: string } | { ok: false; length: number };

/** Builds the link for a serialized document, relative to `pageUrl` (the modeller page). */
export function shareLink(serialized: string, pageUrl: string): ShareLink {
  const u = new URL(pageUrl);
  u.search = '';
  u.hash = KEY + compressToEncodedURIComponent(serialized);
  const url = u.toString();
  return url.length > MAX_SHARE_URL ? { ok: false, length: url.length } : { ok: true, url };
}

/** The serialized document in a location hash, or null when the hash holds no share. */
export function readShareHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(KEY)) return null;
  return decompressFromEncodedURIComponent(h.slice(KEY.length)) ?? '';
}
