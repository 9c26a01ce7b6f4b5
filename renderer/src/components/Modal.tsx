// Renderer: a native modal <dialog>, which brings focus trapping, Escape and an inert background for free.

import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';

interface ModalProps {
  role: 'dialog' | 'alertdialog';
  label?: string;
  labelledBy?: string;
  describedBy?: string;
  className?: string;
  /**
   * Whether it is shown (default: while mounted). A dialog opened often can stay mounted while closed, so opening it
   * again is a `showModal()` rather than building its contents anew.
   */
  open?: boolean;
  onClose(): void;
  children: ReactNode;
}

export function Modal({ role, label, labelledBy, describedBy, className, open = true, onClose, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  // Before paint, and before the layout effects of the component holding the dialog (children's run first): those
  // can then measure and scroll what is inside an open dialog.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!open) {
      if (dialog.open) dialog.close();
      return;
    }
    if (!dialog.open) dialog.showModal();
    // React's autoFocus runs before the dialog is open, when nothing inside can take focus.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role}
      aria-label={label}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`modal ${className ?? ''}`}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog and the state never disagree.
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
