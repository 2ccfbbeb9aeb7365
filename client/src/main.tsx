import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadDictionary } from './i18n/i18n';
import { currentLocale } from './i18n/locale';
import './styles.css';

document.documentElement.lang = currentLocale();
await loadDictionary(currentLocale());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
