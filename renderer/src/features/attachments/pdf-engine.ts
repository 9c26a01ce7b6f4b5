// Renderer: how a PDF is read, where it matters. A model that takes files reads it itself (native: its pages count as
// prompt tokens); otherwise OpenRouter's parser turns it into text first: Cloudflare's (free) or Mistral's OCR (for
// scans; charged per page). The person may choose; the default is native when the model takes files, else the free
// parser (shared/attachments.ts's defaultPdfEngine).

import type { ModelSummary } from '../../../../shared/domain';
import { defaultPdfEngine, type PdfEngine } from '../../../../shared/attachments';

/**
 * Mistral OCR through OpenRouter, in USD per page: $2 per 1,000 pages as OpenRouter lists it (docs/openrouter-protocol.md
 * §2.10). Shown beside the choice and added to the send estimate.
 */
export const ocrUsdPerPage = 0.002;

export interface PdfEngineOption {
  engine: PdfEngine;
  label: string;
  /** What it costs beyond the model's own prompt price, as the choice shows it. */
  price: string;
}

const options: Record<PdfEngine, Omit<PdfEngineOption, 'engine'>> = {
  native: { label: 'The model reads it', price: 'pages count as prompt tokens' },
  'cloudflare-ai': { label: 'Extract the text', price: 'free' },
  'mistral-ocr': { label: 'OCR, for scans', price: '$2 per 1,000 pages' },
};

/** The engines open to this model, the default first. Native only where the model takes files. */
export function pdfEngineOptions(model: ModelSummary | null): PdfEngineOption[] {
  const engines: PdfEngine[] = model?.inputModalities.includes('file')
    ? ['native', 'cloudflare-ai', 'mistral-ocr']
    : ['cloudflare-ai', 'mistral-ocr'];
  return engines.map((engine) => ({ engine, ...options[engine] }));
}

/** The engine a send uses: the person's choice while the model allows it, else the default for the model. */
export function effectivePdfEngine(chosen: PdfEngine | null, model: ModelSummary | null): PdfEngine {
  const open = pdfEngineOptions(model).map((option) => option.engine);
  if (chosen && open.includes(chosen)) return chosen;
  return defaultPdfEngine(model?.inputModalities ?? []);
}

/** OCR's own charge for these pages, in USD (0 for the other engines). */
export function pdfParserCost(engine: PdfEngine, pages: number): number {
  return engine === 'mistral-ocr' ? pages * ocrUsdPerPage : 0;
}
