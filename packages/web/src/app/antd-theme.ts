// antd's theme, shared by the app (AntdLocale.tsx) and the build (vite.config.ts), which writes the styles
// of the first screen's components to a static stylesheet: the runtime finds them there instead of
// computing them on every first load, which only works when both compute the same tokens from this.
import type { ThemeConfig } from 'antd';

export const antdTheme: ThemeConfig = {
  token: { colorPrimary: '#1d5fa8', borderRadius: 4 },
};

/**
 * The antd components of the first screen (shell and overview, for anyone), with the props that need
 * styles of their own: their styles go into the static stylesheet. Others are styled at runtime.
 */
export const FIRST_SCREEN_COMPONENTS: readonly (readonly [name: string, props?: Record<string, unknown>])[] =
  [
    ['App'],
    ['Layout'],
    ['Button'],
    ['Space'],
    ['Typography'],
    ['Select'],
    ['Breadcrumb'],
    ['Tag'],
    // Tag's preset and status colours are styles of their own.
    ['Tag', { color: 'blue' }],
    ['Tag', { color: 'success' }],
    ['Tooltip'],
    ['Card'],
    ['Progress'],
    ['List'],
    ['Row'],
    ['Col'],
    ['Pagination'],
    ['Empty'],
    ['Alert'],
    ['Skeleton'],
    ['Spin'],
    ['Dropdown'],
  ];
