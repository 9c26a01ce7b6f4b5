// Renderer: the prompt that asks one model to combine a compare's last answers into one. Shown to the person, who may
// edit it before sending: it goes out as an ordinary first message of a new conversation.

export interface MergeSource {
  /** The model that wrote the answer (named in the prompt so the merging model can weigh them). */
  model: string;
  answer: string;
}

/**
 * The question and every non-empty answer, numbered, each between plain markers so an answer's own headings or quotes
 * cannot be read as part of the instructions. Null with fewer than two answers: there is nothing to merge.
 */
export function buildMergePrompt(question: string, sources: readonly MergeSource[]): string | null {
  const answers = sources.filter((source) => source.answer.trim() !== '');
  if (answers.length < 2) return null;
  const parts = [
    `${answers.length} models answered the same question. Combine their answers into one answer: keep what each got ` +
      'right, drop what is wrong or repeated, and say plainly where they disagree. Reply with the combined answer only.',
    '',
    '=== Question ===',
    question.trim(),
  ];
  answers.forEach((source, index) => {
    parts.push('', `=== Answer ${index + 1} (${source.model}) ===`, source.answer.trim());
  });
  parts.push('', '=== End of answers ===');
  return parts.join('\n');
}
