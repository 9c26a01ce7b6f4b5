// Renderer: the open conversation's title, its model (opens the palette), the context gauge and the way to Settings.

import { Columns3, Settings } from 'lucide-react';
import { shortcutLabel } from '../lib/keyboard';
import { defaultConversationTitle } from '../../../shared/title';
import { selectActiveConversation } from '../store/selectors';
import { appStore, useAppStore } from '../store/use-app-store';
import { ReplyLengthButton } from '../features/chat/ReplyLength';
import { ConversationSettingsButton } from '../features/conversation-settings/ConversationSettingsDialog';
import { ExportConversationButton } from '../features/portability/ExportButtons';
import { ContextGauge } from '../features/models/ContextGauge';
import { ModelChip } from '../features/models/ModelChip';
import { ConversationCost } from '../features/spend/ConversationCost';
import { SidebarToggle } from '../features/history/SidebarToggle';
import { MergedFrom } from '../features/compare/MergeLinks';
import header from './chat-header.module.css';

export function ChatHeader({ onOpenSettings }: { onOpenSettings(): void }) {
  const title = useAppStore((s) => selectActiveConversation(s)?.title ?? null);
  const startCompare = useAppStore((s) => s.startCompare);
  const openPalette = useAppStore((s) => s.openModelPalette);
  return (
    <>
      <header className={header.header}>
        <SidebarToggle />
        <h1 className={header.title} title={title ?? undefined}>
          {title ?? defaultConversationTitle}
        </h1>
        <ModelChip />
        <ConversationCost />
        <ContextGauge />
        <ReplyLengthButton />
        <ConversationSettingsButton />
        <ExportConversationButton />
        <button
          type="button"
          className={header.icon}
          aria-label="Compare models"
          title={`Compare 2–4 models side by side (${shortcutLabel('new-compare')})`}
          onClick={() => {
            startCompare();
            // With saved sets the compare screen offers them first (one click); otherwise the palette adds models.
            if (appStore.getState().compareSets.length === 0) openPalette('compare');
          }}
        >
          <Columns3 aria-hidden="true" size={16} />
        </button>
        <button type="button" className={header.icon} aria-label="Settings" title="Settings" onClick={onOpenSettings}>
          <Settings aria-hidden="true" size={16} />
        </button>
      </header>
      <MergedFrom />
    </>
  );
}
