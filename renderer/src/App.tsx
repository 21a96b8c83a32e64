import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function App() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
    // Tests wait on this marker instead of sleeping.
    document.body.dataset.appState = 'ready';
  }, [t]);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
      <h1>{t('app.name')}</h1>
      <p>{t('app.tagline')}</p>
    </main>
  );
}
