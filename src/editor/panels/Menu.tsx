import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A drop-down of buttons on <details>: opens with Enter/Space on its summary, closes on Escape,
 * on a click outside, and after an item is chosen.
 */
export function Menu({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const d = ref.current;
      if (d?.open && !d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, []);
  return (
    // Escape closes the open menu and gives focus back to its summary.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <details
      ref={ref}
      className={`fb-menu ${className ?? ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
      onClick={(e) => {
        const el = e.target as HTMLElement;
        if (el.closest('.fb-menu__items button') && ref.current) ref.current.open = false;
      }}
    >
      <summary className="fb-btn fb-menu__summary">{label}</summary>
      <div className="fb-menu__items">{children}</div>
    </details>
  );
}
