// The frame of every page: the header and the page below it.
import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { AppFooter } from './AppFooter.tsx';

export function AppLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout.Content
        style={{
          padding: '20px 32px',
          maxWidth: 1440,
          width: '100%',
          margin: '0 auto',
          boxSizing: 'border-box',
        }}
      >
        <Outlet />
      </Layout.Content>
      <AppFooter />
    </Layout>
  );
}
