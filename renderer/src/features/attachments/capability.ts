// Renderer: whether the chosen model can take what the tray holds. Images need a model that reads images. PDFs never
// refuse: a model without native file input gets them through OpenRouter's parser (pdf-engine.ts). Text files are
// inlined as text, which every chat model reads.

import type { ModelSummary } from '../../../../shared/domain';
import { type InputKind, refusedInputs, unsupportedInputNotice } from '../models/capabilities';
import type { InputModalityFilter } from '../models/model-query';
import type { Attachment } from '../../../../shared/attachments';

/** What the catalogue must list as an input modality for each attachment kind; null = any chat model. */
const neededInput: Record<Attachment['kind'], InputKind | null> = { image: 'image', pdf: null, text: null };

export interface AttachmentRefusal {
  /** The composer's sentence: "GPT-4o mini does not accept images — pick one that does, or remove them." */
  notice: string;
  /** The palette opens filtered to models that accept these. */
  filters: InputModalityFilter[];
}

/** Null when the model can take every attachment (or nothing is known of the model, so nothing is refused). */
export function attachmentRefusal(
  model: ModelSummary | null,
  attachments: readonly Pick<Attachment, 'kind'>[],
): AttachmentRefusal | null {
  const kinds = attachments.flatMap((attachment) => {
    const needed = neededInput[attachment.kind];
    return needed ? [needed] : [];
  });
  const notice = unsupportedInputNotice(model, kinds);
  if (!notice) return null;
  const filters = refusedInputs(model, kinds).filter(
    (kind): kind is InputModalityFilter => kind === 'image' || kind === 'file' || kind === 'audio',
  );
  return { notice, filters };
}
