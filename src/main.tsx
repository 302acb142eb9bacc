import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
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
