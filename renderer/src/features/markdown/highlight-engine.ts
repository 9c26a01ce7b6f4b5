// Renderer: the highlighter itself, in its own chunk: loaded after start (warmHighlighting) or by the first code block.

import { createLowlight } from 'lowlight';

export const lowlight = createLowlight();
export type Lowlight = typeof lowlight;
