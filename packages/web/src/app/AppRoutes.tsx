// Routes rendered from the navigation registry; every page is a lazy chunk behind its access guard.
import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { navigation, type NavEntry } from '../navigation.ts';
import { AppLayout } from '../shell/AppLayout.tsx';
import { PageGuard } from '../shell/PageGuard.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { NotFound } from '../components/NotFound.tsx';

const pages = new Map<NavEntry, ComponentType>(navigation.map((e) => [e, lazy(e.load)]));

/**
 * Loads a page's chunk ahead of rendering (the first page, boot/start.tsx): its route then renders the page
 * itself at once, where a lazy component would first show the loading state for a render.
 */
export async function preloadPage(entry: NavEntry): Promise<void> {
  const { default: Page } = await entry.load();
  pages.set(entry, Page);
}

function page(entry: NavEntry) {
  const Page = pages.get(entry);
  if (!Page) return null;
  return (
    <PageGuard entry={entry}>
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    </PageGuard>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {navigation.flatMap((entry) =>
          [entry.path, ...(entry.aliases ?? [])].map((path) => (
            <Route key={path} path={path} element={page(entry)} />
          )),
        )}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
