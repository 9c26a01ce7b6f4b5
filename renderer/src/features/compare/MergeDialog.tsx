// Renderer: Merge — a chosen model combines the columns' last answers into one. The prompt it gets is shown and can be
// edited first; it is sent as the first message of a new, ordinary conversation, so its reply, cost and ledger row
// are those of any reply.

import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Modal } from '../../components/Modal';
import { selectModelEntry } from '../../store/models-slice';
import { appStore, useAppStore } from '../../store/use-app-store';
import { lastReplies, liveColumns } from './compare-model';
import { buildMergePrompt } from './merge-prompt';
import styles from './compare.module.css';

/** The prompt for the compare on screen now, or null when fewer than two columns have an answer. */
export function currentMergePrompt(): { prompt: string; models: string[] } | null {
  const view = appStore.getState().compareView;
  if (!view?.compare) return null;
  const columns = liveColumns(view.compare.columns);
  const replies = lastReplies(columns, view.threads);
  const firstThread = view.threads[columns[0]?.conversationId ?? ''] ?? [];
  const question = firstThread.filter((message) => message.role === 'user').at(-1)?.content ?? '';
  const prompt = buildMergePrompt(
    question,
    columns.map((column, index) => ({ model: column.model, answer: replies[index]?.content ?? '' })),
  );
  return prompt === null ? null : { prompt, models: columns.map((column) => column.model) };
}

export function MergeDialog({ onClose }: { onClose(): void }) {
  const id = useId();
  const [initial] = useState(currentMergePrompt);
  const [prompt, setPrompt] = useState(initial?.prompt ?? '');
  const [model, setModel] = useState(initial?.models[0] ?? '');
  const names = useAppStore(useShallow((s) => (initial?.models ?? []).map((m) => selectModelEntry(s, m)?.name ?? m)));
  const requestMerge = useAppStore((s) => s.requestMergeSend);
  return (
    <Modal role="dialog" label="Merge the answers" className={styles.mergeDialog} onClose={onClose}>
      <h2>Merge the answers</h2>
      <p>
        The model you choose gets this prompt (edit it as you like) as the first message of a new conversation; its
        reply and cost show there like any other.
      </p>
      <label htmlFor={`${id}-model`}>Model</label>
      <select id={`${id}-model`} value={model} onChange={(event) => setModel(event.target.value)}>
        {(initial?.models ?? []).map((item, index) => (
          <option key={item} value={item}>
            {names[index]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-prompt`}>Merge prompt</label>
      <textarea
        id={`${id}-prompt`}
        data-autofocus
        rows={12}
        value={prompt}
        onChange={(event) => setPrompt(event.target.value)}
      />
      <div className="button-row end">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={prompt.trim() === '' || model === ''}
          onClick={() => {
            onClose();
            // Through the budget check, as any send: it may ask first.
            void requestMerge(prompt, model);
          }}
        >
          Merge
        </button>
      </div>
    </Modal>
  );
}
