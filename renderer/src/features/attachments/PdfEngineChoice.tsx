// Renderer: under the tray while it holds a PDF: how the PDF will be read, with what each way costs.

import { selectModelEntry } from '../../store/models-slice';
import { selectCurrentModel } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import type { PdfEngine } from '../../../../shared/attachments';
import { effectivePdfEngine, pdfEngineOptions } from './pdf-engine';
import styles from './attachments.module.css';

export function PdfEngineChoice() {
  const hasPdf = useAppStore((s) => s.tray.some((item) => item.attachment?.kind === 'pdf'));
  const model = useAppStore((s) => selectModelEntry(s, selectCurrentModel(s)));
  const chosen = useAppStore((s) => s.pdfEngine);
  const choose = useAppStore((s) => s.choosePdfEngine);
  if (!hasPdf) return null;
  const options = pdfEngineOptions(model);
  const engine = effectivePdfEngine(chosen, model);
  return (
    <label className={styles.pdfEngine}>
      <span>Read PDFs:</span>
      <select value={engine} onChange={(event) => choose(event.target.value as PdfEngine)}>
        {options.map((option) => (
          <option key={option.engine} value={option.engine}>
            {option.label} ({option.price})
          </option>
        ))}
      </select>
    </label>
  );
}
