// Contract: catches obviously wrong keys — in the page before anything is sent, and again in the core — and says why.

export type KeyInputCheck = { ok: true; key: string } | { ok: false; problem: string };

const prefix = 'sk-or-';

export function checkKeyInput(raw: string): KeyInputCheck {
  // Keys pasted from a terminal or a web page often carry a trailing newline or spaces.
  const key = raw.trim();
  if (key === '') return { ok: false, problem: 'Paste your OpenRouter API key first.' };
  if (/\s/.test(key)) {
    return { ok: false, problem: 'The key contains spaces or line breaks. Copy it again as one piece.' };
  }
  if (!key.startsWith(prefix)) {
    const looksOpenAi = key.startsWith('sk-');
    return {
      ok: false,
      problem: looksOpenAi
        ? 'This looks like a key for another service. Switchboard needs an OpenRouter key, which starts with “sk-or-”.'
        : 'OpenRouter keys start with “sk-or-”, and this one does not.',
    };
  }
  if (key.length === prefix.length) return { ok: false, problem: 'The key stops after “sk-or-”; copy the whole key.' };
  if (key.length > 500) return { ok: false, problem: 'That is far too long to be an OpenRouter key.' };
  return { ok: true, key };
}
