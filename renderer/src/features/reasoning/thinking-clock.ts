// Renderer: how long a reply spent thinking, measured as the renderer sees it (first reasoning to first answer text).

export interface ObservedReply {
  id: string;
  status: string;
  content: string;
  reasoning: string | null;
}

export interface ThinkingClock {
  /** Call on every render of a reply; returns the thinking time in ms once known, else null. */
  observe(reply: ObservedReply): number | null;
}

/**
 * Neither OpenRouter nor the stored message says how long reasoning took, so it is timed here: from the first
 * render with reasoning and no answer, to the first render with answer text (or the end of a reply stopped while
 * thinking). A reply first seen with its answer already there (opened from history) was never timed: null.
 * Times are kept per message id for this session only, the oldest dropped past `capacity`.
 */
export function createThinkingClock(now: () => number = () => performance.now(), capacity = 500): ThinkingClock {
  const started = new Map<string, number>();
  const durations = new Map<string, number>();

  const remember = (id: string, ms: number) => {
    durations.set(id, ms);
    started.delete(id);
    if (durations.size > capacity) {
      const oldest = durations.keys().next().value;
      if (oldest !== undefined) durations.delete(oldest);
    }
  };

  return {
    observe(reply) {
      const known = durations.get(reply.id);
      if (known !== undefined) return known;
      const start = started.get(reply.id);
      if (start === undefined) {
        if (reply.status === 'streaming' && reply.reasoning && reply.content === '') started.set(reply.id, now());
        return null;
      }
      if (reply.content !== '' || reply.status !== 'streaming') {
        const ms = now() - start;
        remember(reply.id, ms);
        return ms;
      }
      return null;
    },
  };
}

export const thinkingClock = createThinkingClock();

/** "Thought for 4.2 s": one decimal under ten seconds, whole seconds after, minutes past one. */
export function formatThinkingTime(ms: number): string {
  if (ms < 1000) return 'Thought for under a second';
  const seconds = ms / 1000;
  if (seconds < 10) return `Thought for ${seconds.toFixed(1)} s`;
  if (seconds < 60) return `Thought for ${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `Thought for ${Math.floor(whole / 60)} min ${whole % 60} s`;
}
