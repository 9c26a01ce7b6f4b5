// Renderer: the highlighter itself, in its own chunk: loaded with the first code block's grammar, not at start.

import { createLowlight } from 'lowlight';

export const lowlight = createLowlight();
export type Lowlight = typeof lowlight;
