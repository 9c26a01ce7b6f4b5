// Renderer: inline title editing; Enter saves, Escape or leaving the field unchanged cancels.

import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

interface RenameFieldProps {
  initial: string;
  className?: string;
  /** What is being named, for assistive technology. */
  label?: string;
  /** The new title, or null when cancelled. */
  onDone(title: string | null): void;
}

export function RenameField({ initial, className, label = 'Conversation title', onDone }: RenameFieldProps) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (title: string | null) => {
    // Enter then blur would otherwise report twice.
    if (finished.current) return;
    finished.current = true;
    onDone(title !== null && title.trim() !== '' ? title.trim() : null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(null);
    }
  };

  return (
    <input
      ref={ref}
      className={className}
      aria-label={label}
      value={value}
      maxLength={200}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(value)}
    />
  );
}
