import { useEffect, useRef } from 'react';

interface Props {
  value: string;
  label: string;
  className?: string;
  onCommit(value: string): void;
  onCancel(): void;
}

/** A text field over a label on the canvas: Enter or leaving commits, Escape cancels. */
export function InlineEdit({ value, label, className, onCommit, onCancel }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    // A node that was just added is hidden until React Flow has measured it; retry until focusable.
    let tries = 0;
    let raf = 0;
    const focus = () => {
      const el = ref.current;
      if (!el) return;
      el.focus({ preventScroll: true });
      if (document.activeElement === el) el.select();
      else if (tries++ < 30) raf = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(raf);
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(ref.current?.value ?? value);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className={`fb-inline-edit nodrag nopan nowheel ${className ?? ''}`}
      defaultValue={value}
      aria-label={label}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
