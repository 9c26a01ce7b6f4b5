// Renderer: a reply that only asked to call tools. The arguments are model output: shown as text, collapsed.

import type { ToolCall } from '../../../../shared/domain';
import { toolCallText } from '../../lib/error-text';
import clsx from 'clsx';
import styles from './message.module.css';

export function ToolCallNote({ calls }: { calls: ToolCall[] }) {
  return (
    <div className={clsx(styles.note, styles.toolCalls)}>
      <p>{toolCallText}</p>
      {calls.map((call, index) => (
        <details key={call.id ?? index}>
          <summary>
            Tool call: <code>{call.name}</code>
          </summary>
          <pre className={styles.toolArguments}>{call.arguments}</pre>
        </details>
      ))}
    </div>
  );
}
