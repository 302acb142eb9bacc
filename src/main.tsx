import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { whenIdle } from './features/contacts/phone';
import { primeFirstPage } from './queries/prime';
import { createQueryClient } from './queries/queryClient';
import './styles.css';

const queryClient = createQueryClient();
primeFirstPage(queryClient, window.location);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}

// Keyboard shortcuts are not needed for the first rows: their code is its own chunk, installed on idle.
whenIdle(() => void import('./features/keyboard/shortcuts').then((m) => m.installShortcuts()));
