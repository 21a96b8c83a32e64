import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppErrorBoundary } from './components/AppErrorBoundary';
import { quietIcons } from './components/iconNames';
import { initI18n } from './i18n';
import { AppProviders } from './features/theme/AppProviders';

/** Renders the app into #root, with the query client whose first requests main.tsx already sent. */
export function boot(queryClient: QueryClient): void {
  initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AppProviders>
          <AppErrorBoundary>
            <App />
          </AppErrorBoundary>
        </AppProviders>
      </QueryClientProvider>
    </StrictMode>,
  );
  quietIcons();
}
