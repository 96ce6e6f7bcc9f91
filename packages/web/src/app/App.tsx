// Providers: query cache, router, and antd + dayjs in the UI language.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AntdLocale } from './AntdLocale.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import { ApiError } from '../api/http.ts';
import { SESSION_KEY } from '../auth/session.ts';
import { useFirstPaintDone } from '../components/DeferredTooltip.tsx';

// E_AUTH_REQUIRED (401) on any call after sign-in means the session ended (idle time-out, signed out elsewhere): show the
// visitor as signed out; the page then shows its anonymous state.
const onError = (error: unknown) => {
  if (
    error instanceof ApiError &&
    error.code === 'E_AUTH_REQUIRED' &&
    queryClient.getQueryData(SESSION_KEY)
  ) {
    queryClient.setQueryData(SESSION_KEY, null);
  }
};

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Client errors (4xx) are answers, not hiccups: do not retry them.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  useFirstPaintDone();
  return (
    <QueryClientProvider client={queryClient}>
      <AntdLocale>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntdLocale>
    </QueryClientProvider>
  );
}
