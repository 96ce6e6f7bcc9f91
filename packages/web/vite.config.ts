// Vite build of the web app: served from `dist/` by the server in production; `npm run dev` proxies /api.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

const root = fileURLToPath(new URL('.', import.meta.url));
// The server the dev and preview servers forward /api to (SCIMON_API_TARGET overrides it).
const apiTarget = process.env.SCIMON_API_TARGET ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  plugins: [react(), precompress()],
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
});
