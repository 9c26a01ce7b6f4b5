// Renderer: what the conversation shows while files are dragged over it.

import { Paperclip } from 'lucide-react';

export function DropOverlay() {
  return (
    <div className="drop-overlay" role="status" aria-live="polite">
      <div className="drop-card">
        <Paperclip size={22} aria-hidden="true" />
        <span>Drop to attach: images, PDFs, text files</span>
      </div>
    </div>
  );
}
