import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import packageJson from './package.json' with { type: 'json' }

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(packageJson.dependencies ?? {}),
  ...Object.keys(packageJson.devDependencies ?? {})
]

/** The engine + CLI as Node ESM (out/cli/switchyard.mjs, its chunks and the writer thread's entry); npm packages stay external. */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      input: {
        switchyard: resolve(import.meta.dirname, 'src/cli/entry.ts'),
        // The store's writer thread: its own entry, found beside the chunk that starts it (background-writer.ts).
        'store-writer-worker': resolve(import.meta.dirname, 'src/store/writer/store-writer-worker.ts')
      },
      // One flat folder, so every chunk finds the writer entry as ./store-writer-worker.mjs.
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
    }
  }
})
