// What a model can take in, for a message carrying an image, a PDF or a recording: the composer refuses to send an
// attachment the chosen model cannot read, in these words.

import type { ModelSummary } from '../../../../shared/domain';
import { displayName } from './model-format';

/** Catalogue words for what a message may carry besides text ("file" covers PDFs). */
export type InputKind = 'image' | 'file' | 'audio' | 'video';

const kindWords: Record<InputKind, string> = { image: 'images', file: 'files or PDFs', audio: 'audio', video: 'video' };

/** True or false from the catalogue; null when the model is not listed (nothing is known, so nothing is refused). */
export function acceptsInput(model: ModelSummary | null, kind: InputKind): boolean | null {
  if (!model) return null;
  // A router picks a model that can read what the request carries.
  return model.isRouter || model.inputModalities.includes(kind);
}

/** The kinds of `kinds` the model is known not to accept (none when it is not listed), each once. */
export function refusedInputs(model: ModelSummary | null, kinds: readonly InputKind[]): InputKind[] {
  return [...new Set(kinds)].filter((kind) => acceptsInput(model, kind) === false);
}

/** One sentence naming what the model cannot read, or null when it can read everything listed (or is unknown). */
export function unsupportedInputNotice(model: ModelSummary | null, kinds: readonly InputKind[]): string | null {
  const refused = refusedInputs(model, kinds);
  if (!model || refused.length === 0) return null;
  const words = refused.map((kind) => kindWords[kind]);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  return `${displayName(model)} does not accept ${list} — pick one that does, or remove them.`;
}
