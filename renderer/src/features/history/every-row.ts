// Renderer: the sidebar bench's naive baseline, and nothing else. `npm run bench -- sidebar` (build/bench/sidebar.ts)
// builds a second renderer with VITE_SIDEBAR_EVERY_ROW=1, whose sidebar draws every row instead of the virtualized
// list; in every other build the flag is undefined, so the bundler drops that branch.

export const drawEveryRow = import.meta.env.VITE_SIDEBAR_EVERY_ROW === '1';
