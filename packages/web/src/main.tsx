// Entry, kept small so it runs as soon as it arrives: it starts at once, in parallel, what the first page
// needs — its API requests (taken by the HTTP client, boot/prefetch.ts), the texts of the UI language and,
// on the overview, the page's chunk — and then loads the app (boot/start.tsx).
import { initialLanguage } from './i18n/language.ts';
import { prefetch } from './boot/prefetch.ts';
import { buildUrl } from './api/url.ts';
import { overviewParams, overviewQuery } from './pages/overview/overview-params.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

// The code first (the longest downloads); reading the stored language can take a while in a new profile.
const app = import('./boot/start.tsx');
const onOverview = window.location.pathname === '/';
if (onOverview) import('./pages/overview/OverviewPage.tsx').catch(() => undefined);

const lang = initialLanguage();
// The UI language's texts (one chunk per language); i18n/i18n.ts takes them from the module cache.
const texts = import.meta.glob('./locales/*/*.json');
for (const [file, load] of Object.entries(texts))
  if (file.startsWith(`./locales/${lang}/`)) load().catch(() => undefined);
// Who is signed in: every page's header asks.
prefetch('/api/auth/me', lang);
if (onOverview) {
  // The overview (the landing page): its figures and the org-unit picker's tree.
  const query = overviewQuery(overviewParams(new URLSearchParams(window.location.search)));
  prefetch(buildUrl('/api/monitoring/overview', query), lang);
  prefetch('/api/org-units', lang);
}

void app.then(({ start }) => start(root, lang));
