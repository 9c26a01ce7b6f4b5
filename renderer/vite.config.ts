import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build, used by electron-vite and on its own (`vite build renderer`) for the web host.
// `__dirname` because both config loaders bundle this file and replace it with this file's folder; electron-vite
// does not replace `import.meta.dirname`, which there would be the project root. Paths stay absolute (electron-vite
// resolves relative ones against the project root) and are built without node:path, which renderer lint forbids.
const here = __dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  // Component styles are CSS modules (`*.module.css` beside the component): their class names are local to the file,
  // so `.active` in the sidebar cannot restyle the palette. Written kebab-case in CSS, read camelCase in TypeScript.
  // Design tokens and the few global rules stay in styles.css.
  css: { modules: { localsConvention: 'camelCaseOnly' } },
  build: {
    outDir: `${here}/../out/renderer`,
    emptyOutDir: true,
    rollupOptions: { input: { index: `${here}/index.html` } },
  },
});
