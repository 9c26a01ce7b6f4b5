// Renderer: how worded trouble reads everywhere — what happened (with the core's detail), then what to do next.

import type { ErrorText } from '../lib/error-text';

export function ErrorTextLines({ text }: { text: ErrorText }) {
  return (
    <>
      <p>
        <strong>{text.message}</strong>
        {text.detail ? ` ${text.detail}` : null}
      </p>
      <p>{text.nextStep}</p>
    </>
  );
}
