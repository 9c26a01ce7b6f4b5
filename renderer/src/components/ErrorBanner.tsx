// Renderer: the last chat failure, until dismissed; the draft in the composer is untouched.

import { useAppStore } from '../store/use-app-store';
import { ErrorAlert } from './ErrorAlert';

export function ErrorBanner() {
  const error = useAppStore((s) => s.chatError);
  const dismiss = useAppStore((s) => s.dismissChatError);
  if (!error) return null;
  return (
    <ErrorAlert error={error} className="banner">
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </ErrorAlert>
  );
}
