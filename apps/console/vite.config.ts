import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy next to each script and style sheet
 * of the build, at the highest levels: the server sends them to browsers that accept
 * them (`preCompressed` in apps/server/src/http/console-static.ts), so the bundle
 * crosses the network at about a quarter of its size and costs no CPU per request.
 */
function precompress(): Plugin {
  return {
    name: 'satisflow:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(?:js|css)$/.test(fileName)) continue;
        // what was just written, from memory rather than read back from disk
        const body = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        const path = join(options.dir!, fileName);
        const brotli = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
        writeFileSync(`${path}.br`, brotliCompressSync(body, { params: brotli }));
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * The web console. Vite 8 transforms TSX itself (oxc), so no React plugin is needed.
 * Build output goes to <repo>/dist/console, which the server serves at `/`.
 */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // antd with React and the libraries it builds on is one chunk of about 1.4 MB.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The large libraries in chunks of their own, so a release that changes only the
      // app's code leaves the browser's cached copies of them valid (same hashed names).
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](?:echarts|zrender)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](?:antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/, priority: 10 },
          ],
        },
      },
      // antd marks its modules "use client" for React Server Components; meaningless in an SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/r': 'http://localhost:3000' },
  },
});
