// Renderer: a search snippet, its matched words marked. Text nodes only: message text never becomes markup.

import type { SnippetPart } from '../../../../shared/library';

export function SnippetText({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
