// Renderer: the header's way to export the open conversation, as Markdown (readable) or JSON (everything).

import { Download } from 'lucide-react';
import { useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import { selectActiveConversation } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { TransferProgress } from './TransferProgress';
import settingsStyles from '../../components/settings.module.css';
import header from '../../components/chat-header.module.css';

export function ExportConversationButton() {
  const conversation = useAppStore(selectActiveConversation);
  const [open, setOpen] = useState(false);
  if (!conversation) return null;
  return (
    <>
      <button
        type="button"
        className={header.icon}
        title="Export this conversation"
        aria-label="Export conversation"
        onClick={() => setOpen(true)}
      >
        <Download aria-hidden="true" size={16} />
      </button>
      {open ? (
        <ExportDialog conversationId={conversation.id} title={conversation.title} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function ExportDialog(props: { conversationId: string; title: string; onClose(): void }) {
  const titleId = useId();
  const exportHistory = useAppStore((s) => s.exportHistory);
  const busy = useAppStore(
    (s) => s.transfer !== null && (s.transfer.state === 'waiting' || s.transfer.state === 'running'),
  );
  return (
    <Modal role="dialog" labelledBy={titleId} onClose={props.onClose}>
      <h2 id={titleId}>Export “{props.title}”</h2>
      <p className={settingsStyles.hint}>
        Markdown is for reading: the thread on screen, with each reply’s model and cost. JSON keeps everything — every
        version, usage, cost and time — and imports back into Switchboard; with files attached it is a zip holding them
        too.
      </p>
      <div className="button-row">
        <button
          type="button"
          data-autofocus
          disabled={busy}
          onClick={() => void exportHistory('markdown', props.conversationId)}
        >
          Markdown (.md)
        </button>
        <button type="button" disabled={busy} onClick={() => void exportHistory('json', props.conversationId)}>
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
