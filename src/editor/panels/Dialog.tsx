import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLatest } from '../hooks/useLatest.ts';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  /** A dialog that only informs: its footer is one button with this label that closes it. */
  closeLabel?: string;
  role?: 'dialog' | 'alertdialog';
  wide?: boolean;
  /** Slides up from the bottom on narrow screens (the findings drawer). */
  drawer?: boolean;
}

/** A modal dialog on the native <dialog> element (focus trap, Escape, backdrop come with it). */
export function Dialog({ title, onClose, children, footer, closeLabel, role, wide, drawer }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const onCloseRef = useLatest(onClose);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const close = () => onCloseRef.current();
    d.addEventListener('close', close);
    return () => {
      d.removeEventListener('close', close);
      if (d.open) d.close();
    };
  }, [onCloseRef]);
  return (
    // A click on the backdrop closes the dialog; the keyboard has Escape (native to <dialog>).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      className={`fb-dialog${wide ? ' fb-dialog--wide' : ''}${drawer ? ' fb-dialog--drawer' : ''}`}
      aria-labelledby={id}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      onClick={(e) => {
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      <div className="fb-dialog__inner">
        <h2 id={id} className="fb-dialog__title">
          {title}
        </h2>
        <div className="fb-dialog__body">{children}</div>
        {footer || closeLabel ? (
          <div className="fb-dialog__footer">
            {footer ?? (
              <button type="button" className="fb-btn" onClick={() => ref.current?.close()}>
                {closeLabel}
              </button>
            )}
          </div>
        ) : null}
      </div>
    </dialog>
  );
}
