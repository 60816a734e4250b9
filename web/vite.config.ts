import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a brotli and a gzip copy beside every script, stylesheet and SVG of the build; the server
 * sends them to browsers that accept them (@fastify/static `preCompressed`). Compressing once at
 * build time with the strongest settings keeps the first view small (docs/benchmarks/dashboard.md)
 * without a reverse proxy and without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'confluentes-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = path.join(options.dir!, name);
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

// Resolve paths against this file, not the shell's working directory: the build is started
// from the repository root with `--config web/vite.config.ts`.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The server sends a strict CSP; keeping every asset a file (no data: URLs for small
    // assets) means nothing depends on relaxed img-src/font-src rules.
    assetsInlineLimit: 0,
  },
  server: {
    // During `vite` development the API runs separately (`npm run dev`, port 8080).
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  preview: { port: 4173 },
});
