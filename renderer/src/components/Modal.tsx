// Renderer: a native modal <dialog>, which brings focus trapping, Escape and an inert background for free.

import { type ReactNode, useEffect, useRef } from 'react';

interface ModalProps {
  role: 'dialog' | 'alertdialog';
  label?: string;
  labelledBy?: string;
  describedBy?: string;
  className?: string;
  onClose(): void;
  children: ReactNode;
}

export function Modal({ role, label, labelledBy, describedBy, className, onClose, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus runs before the dialog is open, when nothing inside can take focus.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
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
