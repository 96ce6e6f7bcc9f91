// The app's start: the React 19 patch for antd 5 (before anything renders), the UI language's texts,
// then the first render. Loaded by the entry (main.tsx) once it has started the first page's requests.
import '@ant-design/v5-patch-for-react-19';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/i18n.ts';
import type { Language } from '../i18n/language.ts';
import { App } from '../app/App.tsx';

export async function start(root: HTMLElement, lang: Language): Promise<void> {
  await initI18n(lang);
  createRoot(root).render(<App />);
}
