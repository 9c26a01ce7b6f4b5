// Renderer entry: mount the app and ask the host whether a key exists.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { warmHighlighting } from './features/markdown/highlight';
import { appStore } from './store/use-app-store';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void appStore.getState().start();
void warmHighlighting();
