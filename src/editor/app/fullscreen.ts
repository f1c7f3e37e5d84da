/**
 * Full screen for the modeller: the workspace fills the window (class `is-fullscreen`, which works
 * everywhere, iOS Safari included) and, where the browser has the Fullscreen API, the screen too.
 * Leaving the browser's full screen (Escape) leaves the modeller's; so does Escape without it.
 */
import type { Store } from '../store/store.ts';

export function toggleFullscreen(store: Store, el: HTMLElement | null): void {
  const on = !store.get().fullscreen;
  store.set({ fullscreen: on });
  if (on) {
    // Refused without a user gesture or inside some frames: the class alone still fills the window.
    if (el && typeof el.requestFullscreen === 'function' && !document.fullscreenElement) el.requestFullscreen().catch(() => undefined);
  } else if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
  }
}

/** Keeps the store in step when the browser leaves full screen by itself (Escape, F11). Returns the unsubscribe. */
export function watchFullscreen(store: Store): () => void {
  let wasFull = false;
  const onChange = () => {
    const full = !!document.fullscreenElement;
    if (wasFull && !full && store.get().fullscreen) store.set({ fullscreen: false });
    wasFull = full;
  };
  // Without the browser's full screen (refused, or no API), Escape still leaves the modeller's,
  // unless something nearer had a use for it (a field, a menu, a dialog, an edit in place).
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || document.fullscreenElement || !store.get().fullscreen) return;
    const s = store.get();
    if (s.dialog || s.menu || s.editing || document.querySelector('dialog[open], details[open]')) return;
    const t = e.target as HTMLElement | null;
    if (t?.closest('input, textarea, select, [contenteditable="true"]')) return;
    store.set({ fullscreen: false });
  };
  document.addEventListener('fullscreenchange', onChange);
  document.addEventListener('keydown', onKey);
  return () => {
    document.removeEventListener('fullscreenchange', onChange);
    document.removeEventListener('keydown', onKey);
  };
}
