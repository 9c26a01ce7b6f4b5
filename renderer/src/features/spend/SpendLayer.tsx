// Renderer: the spend feature's always-mounted part: its shortcut, the watch on "cost pending" replies (their
// settled figure appears in place, no reopen needed), the 80 % warnings, the ask-before-send question and the
// Spend view itself.

import styles from './spend.module.css';
import { useEffect } from 'react';
import { appStore, useAppStore } from '../../store/use-app-store';
import { Modal } from '../../components/Modal';
import { useShortcut } from '../../lib/use-shortcut';
import { SpendView } from './SpendView';
import confirm from '../../components/confirm-dialog.module.css';

/** How often an open view asks whether its pending costs have settled. */
const pendingPollMs = 1_000;

function usePendingCostWatch(): void {
  const pending = useAppStore((s) => s.messages.some((m) => m.costStatus === 'pending'));
  const settlePendingCosts = useAppStore((s) => s.settlePendingCosts);
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void settlePendingCosts(), pendingPollMs);
    return () => clearInterval(timer);
  }, [pending, settlePendingCosts]);
}

function useSpendShortcut(): void {
  useShortcut('spend', () => {
    const state = appStore.getState();
    if (state.spendViewOpen) state.closeSpendView();
    else state.openSpendView();
    return true;
  });
}

export function SpendLayer() {
  usePendingCostWatch();
  useSpendShortcut();
  const open = useAppStore((s) => s.spendViewOpen);
  const question = useAppStore((s) => s.sendQuestion);
  const answer = useAppStore((s) => s.answerSendQuestion);
  return (
    <>
      {open ? <SpendView /> : null}
      {question ? (
        <Modal role="alertdialog" label="Send anyway?" className={confirm.confirm} onClose={() => void answer(false)}>
          <h2>Send anyway?</h2>
          <p>{question}</p>
          <div className="button-row end">
            <button type="button" data-autofocus onClick={() => void answer(false)}>
              Don’t send
            </button>
            <button type="button" className="primary" onClick={() => void answer(true)}>
              Send anyway
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}

/** The 80 % warnings, above the conversation, until dismissed (each shows once a month). */
export function SpendNotices() {
  const notices = useAppStore((s) => s.spendNotices);
  const dismiss = useAppStore((s) => s.dismissSpendNotices);
  const openSpendView = useAppStore((s) => s.openSpendView);
  if (notices.length === 0) return null;
  return (
    <div role="status" className={styles.spendNotice}>
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <div className="button-row">
        <button type="button" className="link-button" onClick={openSpendView}>
          Open Spend
        </button>
        <button type="button" className="link-button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
