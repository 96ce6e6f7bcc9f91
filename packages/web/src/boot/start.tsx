// The app's start: the React 19 patch for antd 5 (before anything renders), the UI language's texts, then
// the first render. Loaded by the entry (main.tsx) once it has started the first page's requests.
import '@ant-design/v5-patch-for-react-19';
import { createRoot } from 'react-dom/client';
import { matchPath } from 'react-router';
import { initI18n } from '../i18n/i18n.ts';
import type { Language } from '../i18n/language.ts';
import { App, queryClient } from '../app/App.tsx';
import { preloadPage } from '../app/AppRoutes.tsx';
import { navigation } from '../navigation.ts';
import { sessionQueryOptions } from '../auth/session.ts';
import { overviewQueryOptions } from '../api/monitoring.ts';
import { orgUnitTreeQueryOptions } from '../api/catalogue.ts';
import { overviewParams } from '../pages/overview/overview-params.ts';

// How long the first render waits for the first page's data once the code is ready: the entry asked for it
// early, so it is usually there; if not, the page renders its loading state as usual.
const DATA_WAIT_MS = 300;

/**
 * The first page's code and data, so that the first render is the page itself rather than a spinner,
 * then skeletons, then the page (each a render, layout and paint of its own).
 */
function preloadFirstPage(): Promise<unknown> {
  const path = window.location.pathname;
  const entry = navigation.find((e) =>
    [e.path, ...(e.aliases ?? [])].some((p) => matchPath({ path: p, end: true }, path)),
  );
  const code = entry ? preloadPage(entry) : Promise.resolve();
  const data: Promise<unknown>[] = [queryClient.prefetchQuery(sessionQueryOptions)];
  if (path === '/') {
    const params = overviewParams(new URLSearchParams(window.location.search));
    data.push(
      queryClient.prefetchQuery(overviewQueryOptions(params)),
      queryClient.prefetchQuery(orgUnitTreeQueryOptions),
    );
  }
  const waited = new Promise((resolve) => setTimeout(resolve, DATA_WAIT_MS));
  return Promise.all([code, Promise.race([Promise.all(data), waited])]);
}

export async function start(root: HTMLElement, lang: Language): Promise<void> {
  await initI18n(lang);
  await preloadFirstPage().catch(() => undefined);
  createRoot(root).render(<App />);
}
