// Renderer: a reply that only asked to call tools. The arguments are model output: shown as text, collapsed.

import type { ToolCall } from '../../../../shared/domain';
import { toolCallText } from '../../lib/error-text';

export function ToolCallNote({ calls }: { calls: ToolCall[] }) {
  return (
    <div className="message-note tool-calls">
      <p>{toolCallText}</p>
      {calls.map((call, index) => (
        <details key={call.id ?? index}>
          <summary>
            Tool call: <code>{call.name}</code>
          </summary>
          <pre className="tool-arguments">{call.arguments}</pre>
        </details>
      ))}
    </div>
  );
}
