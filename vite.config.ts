import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** The participant page must stay small for phones on venue Wi-Fi; the build fails above this. */
const PARTICIPANT_BUDGET_BYTES = 60 * 1024;

interface ChunkLike {
  type: 'chunk';
  code: string;
  imports: string[];
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  viteMetadata?: { importedCss: Set<string> };
}

/** Prints what each page costs a browser (its chunks plus the entry, gzipped) and guards the phone budget. */
function bundleSizes(): Plugin {
  return {
    name: 'tischwechsel-bundle-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const gz = (name: string) => {
        const item = bundle[name];
        if (!item) return 0;
        const source = item.type === 'chunk' ? item.code : item.source;
        return gzipSync(typeof source === 'string' ? source : Buffer.from(source), { level: 9 }).length;
      };
      const chunks = Object.values(bundle).filter((b) => b.type === 'chunk') as unknown as ChunkLike[];
      const nameOf = new Map(Object.entries(bundle).map(([file, b]) => [b, file]));
      const closure = (start: ChunkLike[]) => {
        const seen = new Set<string>();
        const walk = (chunk: ChunkLike) => {
          const file = nameOf.get(chunk as never)!;
          if (seen.has(file)) return;
          seen.add(file);
          for (const dep of chunk.imports) walk(bundle[dep] as unknown as ChunkLike);
        };
        for (const chunk of start) walk(chunk);
        return [...seen];
      };
      const entry = chunks.find((c) => c.isEntry)!;
      const rows: string[] = [];
      for (const page of chunks.filter((c) => c.isDynamicEntry)) {
        const files = closure([entry, page]);
        const css = new Set(
          files.flatMap((f) => [...((bundle[f] as unknown as ChunkLike).viteMetadata?.importedCss ?? [])]),
        );
        const js = files.reduce((sum, f) => sum + gz(f), 0);
        const styles = [...css].reduce((sum, f) => sum + gz(f), 0);
        const name = (page.facadeModuleId ?? '')
          .split('/')
          .pop()!
          .replace(/\.tsx?$/, '');
        rows.push(
          `  ${name.padEnd(20)} JS ${(js / 1024).toFixed(1).padStart(6)} KB gz   CSS ${(styles / 1024).toFixed(1).padStart(5)} KB gz`,
        );
        if (name === 'participant-page' && js > PARTICIPANT_BUDGET_BYTES) {
          this.error(`participant page JS is ${(js / 1024).toFixed(1)} KB gzipped, over the 60 KB budget`);
        }
      }
      console.log(`\nPage weights (entry + page chunks, gzipped):\n${rows.sort().join('\n')}\n`);
    },
  };
}

export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2020' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [bundleSizes()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/ws': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
