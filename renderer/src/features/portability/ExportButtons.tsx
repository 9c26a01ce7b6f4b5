// Renderer: the header's way to export the open conversation, or the open compare, as Markdown (readable) or JSON
// (everything).

import { Download } from 'lucide-react';
import { useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import { selectActiveConversation } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import type { ExportScope } from './portability-slice';
import { TransferProgress } from './TransferProgress';
import settingsStyles from '../../components/settings.module.css';
import header from '../../components/chat-header.module.css';

export function ExportConversationButton() {
  const conversation = useAppStore(selectActiveConversation);
  if (!conversation) return null;
  return <ExportButton what={{ conversationId: conversation.id }} title={conversation.title} />;
}

/** A compare's columns, each exported as the conversation it is. */
export function ExportCompareButton({ compareId, title }: { compareId: string; title: string }) {
  return <ExportButton what={{ compareId }} title={title} />;
}

type OneExport = Exclude<ExportScope, 'everything'>;

function ExportButton({ what, title }: { what: OneExport; title: string }) {
  const [open, setOpen] = useState(false);
  const noun = 'compareId' in what ? 'compare' : 'conversation';
  return (
    <>
      <button
        type="button"
        className={header.icon}
        title={`Export this ${noun}`}
        aria-label={`Export ${noun}`}
        onClick={() => setOpen(true)}
      >
        <Download aria-hidden="true" size={16} />
      </button>
      {open ? <ExportDialog what={what} title={title} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ExportDialog(props: { what: OneExport; title: string; onClose(): void }) {
  const titleId = useId();
  const exportHistory = useAppStore((s) => s.exportHistory);
  const busy = useAppStore(
    (s) => s.transfer !== null && (s.transfer.state === 'waiting' || s.transfer.state === 'running'),
  );
  const compare = 'compareId' in props.what;
  return (
    <Modal role="dialog" labelledBy={titleId} onClose={props.onClose}>
      <h2 id={titleId}>Export “{props.title}”</h2>
      <p className={settingsStyles.hint}>
        {compare ? 'Each column is exported as the conversation it is. ' : null}
        Markdown is for reading: the thread on screen, with each reply’s model and cost
        {compare ? ' (a zip of one file per column)' : ''}. JSON keeps everything — every version, usage, cost and time
        — and imports back into Switchboard{compare ? ', as one conversation per column' : ''}; with files attached it
        is a zip holding them too.
      </p>
      <div className="button-row">
        <button type="button" data-autofocus disabled={busy} onClick={() => void exportHistory('markdown', props.what)}>
          {compare ? 'Markdown (.zip)' : 'Markdown (.md)'}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportHistory('json', props.what)}>
          JSON (.json)
        </button>
      </div>
      <TransferProgress />
      <div className="button-row end">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
