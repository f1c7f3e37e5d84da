import { useEffect, useState } from 'react';

/** Follows Starlight's theme switch (`data-theme` on <html>). */
export function useDarkTheme(): boolean {
  const read = () => typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark';
  const [dark, setDark] = useState(read);
  useEffect(() => {
    const mo = new MutationObserver(() => setDark(read()));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, []);
  return dark;
}

/** True on touch screens: there a one-finger drag pans the canvas instead of drawing a selection box. */
export function useCoarsePointer(): boolean {
  const [coarse, setCoarse] = useState(() => typeof matchMedia !== 'undefined' && matchMedia('(pointer: coarse)').matches);
  useEffect(() => {
    const mq = matchMedia('(pointer: coarse)');
    const on = () => setCoarse(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return coarse;
}
