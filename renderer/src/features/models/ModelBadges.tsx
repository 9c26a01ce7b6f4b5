// Renderer: a model's capabilities as small icons with names (what it reads, what it writes, what it supports).

import { AudioLines, Braces, Brain, FileText, Image, ImagePlus, Video, Wrench, type LucideIcon } from 'lucide-react';
import type { ModelSummary } from '../../../../shared/domain';
import styles from './models.module.css';

interface Capability {
  key: string;
  label: string;
  Icon: LucideIcon;
}

/** One owner for the words: the row icons and the details panel say the same thing. */
export function capabilities(model: ModelSummary): Capability[] {
  const list: Capability[] = [];
  if (model.inputModalities.includes('image')) list.push({ key: 'image-in', label: 'Reads images', Icon: Image });
  if (model.inputModalities.includes('file'))
    list.push({ key: 'file-in', label: 'Reads files and PDFs', Icon: FileText });
  if (model.inputModalities.includes('audio')) list.push({ key: 'audio-in', label: 'Hears audio', Icon: AudioLines });
  if (model.inputModalities.includes('video')) list.push({ key: 'video-in', label: 'Watches video', Icon: Video });
  if (model.outputModalities.includes('image')) list.push({ key: 'image-out', label: 'Makes images', Icon: ImagePlus });
  if (model.supportsReasoning) list.push({ key: 'reasoning', label: 'Reasons before answering', Icon: Brain });
  if (model.supportsTools) list.push({ key: 'tools', label: 'Calls tools', Icon: Wrench });
  if (model.supportsStructuredOutput) list.push({ key: 'structured', label: 'Structured output', Icon: Braces });
  return list;
}

export function CapabilityIcons({ model }: { model: ModelSummary }) {
  return (
    <span className={styles.capabilityIcons}>
      {capabilities(model).map(({ key, label, Icon }) => (
        <span key={key} role="img" aria-label={label} title={label}>
          <Icon aria-hidden="true" size={14} />
        </span>
      ))}
    </span>
  );
}
