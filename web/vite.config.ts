import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Resolve paths against this file, not the shell's working directory: the build is started
// from the repository root with `--config web/vite.config.ts`.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
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
