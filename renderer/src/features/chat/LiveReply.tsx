// Renderer: the reply being written in the open conversation; the only row that re-renders on each frame.

import { MessageView } from '../../components/MessageView';
import { useAppStore } from '../../store/use-app-store';

export function LiveReply({ turnId }: { turnId: string }) {
  const reply = useAppStore((s) => s.liveTurns[turnId]?.reply ?? null);
  const retrying = useAppStore((s) => s.liveTurns[turnId]?.retrying ?? null);
  return reply ? <MessageView message={reply} retrying={retrying} /> : null;
}
