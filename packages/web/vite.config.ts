// Vite build of the web app: served from `dist/` by the server in production; `npm run dev` proxies /api.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type { ComponentType } from 'react';
import { antdTheme, FIRST_SCREEN_COMPONENTS } from './src/app/antd-theme.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Writes `<file>.br` and `<file>.gz` beside every script and style under assets/ (the server sends them to
 * browsers that accept them; assets' names carry their content hash, so they are compressed once, here).
 */
function precompress(): Plugin {
  return {
    name: 'scimon-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? path.join(root, 'dist');
      const files = Object.keys(bundle).filter(
        (f) => f.startsWith('assets/') && /\.(js|css|svg|json)$/.test(f),
      );
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(dir, f);
          const raw = await readFile(file);
          if (raw.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotliAsync(raw, {
              params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
            }),
            gzipAsync(raw, { level: 9 }),
          ]);
          // Written aside and renamed: a server reading the directory never sees half a file.
          const write = async (ext: string, data: Buffer) => {
            await writeFile(`${file}${ext}.tmp`, data);
            await rename(`${file}${ext}.tmp`, `${file}${ext}`);
          };
          await Promise.all([write('.br', br), write('.gz', gz)]);
        }),
      );
    },
  };
}

/**
 * antd's styles of the first screen's components as a static stylesheet linked from index.html: antd
 * (5) computes its styles in the browser (CSS-in-JS), a large share of the first render's time. Rendering
 * the components once here with antd's style cache and extracting it gives the same CSS plus a map of what
 * it holds, which antd's runtime reads from the sheet and then skips computing and injecting those styles.
 */
function antdStaticStyle(): Plugin {
  let fileName = '';
  return {
    name: 'scimon-antd-static-style',
    apply: 'build',
    async buildStart() {
      const [{ createElement }, { renderToString }, antdModule, cssinjsModule] = await Promise.all([
        import('react'),
        import('react-dom/server'),
        import('antd'),
        // antd's own styling engine (its dependency; the version antd uses).
        import('@ant-design/cssinjs'),
      ]);
      const antd = antdModule as unknown as Record<string, ComponentType>;
      const { createCache, extractStyle, StyleProvider } = cssinjsModule;
      const cache = createCache();
      renderToString(
        createElement(
          StyleProvider,
          { cache },
          createElement(
            antdModule.ConfigProvider,
            { theme: antdTheme },
            ...FIRST_SCREEN_COMPONENTS.map(([name, props], i) =>
              createElement(antd[name]!, { key: i, ...props }),
            ),
          ),
        ),
      );
      const css = extractStyle(cache, { plain: true });
      // antd rendering against another copy of its styling engine would leave the cache empty.
      if (!css.includes('.ant-card')) this.error('antd static styles: nothing was extracted');
      fileName = `assets/antd-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'stylesheet', href: `/${fileName}` }, injectTo: 'head' },
    ],
  };
}

// The first screen's code: the app's start and the landing page (the overview) with everything they import
// statically. Built as one chunk: spread over twenty-odd shared chunks it queued on the browser's six
// connections per host (HTTP/1.1), after the entry had run.
const FIRST_SCREEN_ROOTS = /[\\/]src[\\/](boot[\\/]start|pages[\\/]overview[\\/]OverviewPage)\.tsx$/;
const firstScreen = new Set<string>();
// Barrels re-export every component: followed only for the names a module imports from them.
const BARRELS: Record<string, { index: RegExp; file: (name: string) => string }> = {
  antd: {
    index: /[\\/]node_modules[\\/]antd[\\/]es[\\/]index\.js$/,
    file: (name) => `/antd/es/${name.replace(/(?<=.)([A-Z])/g, '-$1').toLowerCase()}/index.js`,
  },
  '@ant-design/icons': {
    index: /[\\/]node_modules[\\/]@ant-design[\\/]icons[\\/]es[\\/]index\.js$/,
    file: (name) => `/@ant-design/icons/es/icons/${name}.js`,
  },
};

/** Collects the first screen's modules once the module graph is known (chunks are formed after). */
function firstScreenModules(): Plugin {
  return {
    name: 'scimon-first-screen',
    apply: 'build',
    buildEnd() {
      firstScreen.clear();
      const ids = [...this.getModuleIds()];
      const byPath = new Map(
        ids.map((id) => [id.replaceAll('\\', '/').replace(/^.*\/node_modules/, ''), id]),
      );
      // Modules reachable from `roots` through static imports (barrels only for the names imported).
      const reachable = (roots: string[]) => {
        const seen = new Set<string>();
        for (let id = roots.pop(); id !== undefined; id = roots.pop()) {
          if (seen.has(id)) continue;
          seen.add(id);
          const info = this.getModuleInfo(id);
          for (const dep of info?.importedIds ?? []) {
            const barrel = Object.entries(BARRELS).find(([, b]) => b.index.test(dep));
            if (!barrel) {
              roots.push(dep);
              continue;
            }
            const [pkg, { file }] = barrel;
            const from = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${pkg}['"]`, 'g');
            for (const [, names = ''] of (info?.code ?? '').matchAll(from))
              for (const spec of names.split(',')) {
                const target = byPath.get(file(spec.trim().split(/\s+/)[0] ?? ''));
                if (target) roots.push(target);
              }
          }
        }
        return seen;
      };
      // What the entry itself imports stays in the entry: it must run before any of this has arrived.
      const entry = reachable(ids.filter((id) => this.getModuleInfo(id)?.isEntry));
      for (const id of reachable(ids.filter((id) => FIRST_SCREEN_ROOTS.test(id))))
        if (!entry.has(id)) firstScreen.add(id);
    },
    // Fetched from the HTML, beside the entry, instead of once the entry has run (with their styles).
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) =>
          c.type === 'chunk' && (c.name === 'first-screen' || c.name === 'react') ? [c] : [],
        );
        const scripts = new Set(chunks.flatMap((c) => [c.fileName, ...c.imports]));
        for (const c of Object.values(ctx.bundle ?? {}))
          if (c.type === 'chunk' && c.isEntry) scripts.delete(c.fileName);
        const styles = chunks.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]);
        return [
          ...[...scripts].map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${f}` },
            injectTo: 'head' as const,
          })),
          ...styles.map((f) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: '', href: `/${f}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
// react-router's package exports only its development build (extra checks and warnings on every render);
// the production build beside it is the same API.
const reactRouterProduction = fileURLToPath(import.meta.resolve('react-router')).replace(
  `${path.sep}development${path.sep}`,
  `${path.sep}production${path.sep}`,
);
// The server the dev and preview servers forward /api to (SCIMON_API_TARGET overrides it).
const apiTarget = process.env.SCIMON_API_TARGET ?? 'http://127.0.0.1:8080';

export default defineConfig(({ command }) => ({
  root,
  plugins: [react(), antdStaticStyle(), firstScreenModules(), precompress()],
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            {
              name: 'first-screen',
              test: (id: string) => firstScreen.has(id),
              priority: 10,
              // Exactly the collected modules: the entry's own imports stay in the entry.
              includeDependenciesRecursively: false,
            },
            // One chunk per language with every feature's texts: the active one is loaded up front in one
            // request (i18n/i18n.ts, main.tsx), the other on switching.
            { name: 'locale-zh-CN', test: /[\\/]src[\\/]locales[\\/]zh-CN[\\/]/, priority: 40 },
            { name: 'locale-en-US', test: /[\\/]src[\\/]locales[\\/]en-US[\\/]/, priority: 40 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
}));
