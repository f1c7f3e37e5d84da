/**
 * Full screen for the modeller: the workspace fills the window (class `is-fullscreen`, which works
 * everywhere, iOS Safari included) and, where the browser has the Fullscreen API, the screen too.
 * Leaving the browser's full screen (Escape) leaves the modeller's.
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
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}
