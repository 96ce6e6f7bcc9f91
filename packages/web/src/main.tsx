// Entry: the React 19 patch for antd 5 must load before antd.
import '@ant-design/v5-patch-for-react-19';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.ts';
import { initialLanguage } from './i18n/language.ts';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

void initI18n(initialLanguage()).then(() => {
  createRoot(root).render(<App />);
});
