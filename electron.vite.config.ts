import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/**
 * Our layout is main/ (main process + preload) and renderer/ at the top level, so every entry is explicit.
 * The preload is CommonJS so the window can run with `sandbox: true`. The renderer build (out/renderer) is
 * served unchanged by web mode.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          // The store's writer thread: its own entry, found beside the chunk that starts it (background-writer.ts).
          'store-writer-worker': resolve(__dirname, 'src/store/writer/store-writer-worker.ts')
        },
        // One flat folder, so every chunk finds the writer entry as ./store-writer-worker.js.
        output: { chunkFileNames: '[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified by default; web mode serves it over HTTP, so minify.
      minify: true,
      chunkSizeWarningLimit: 8000,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') }
    }
  }
})
