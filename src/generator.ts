// What wrote a graph: kg's name and version, from package.json (the graph's `generator`
// attribute; `kg --version`). A module of its own: the CLI reads it without loading the pipeline.
import { createRequire } from 'node:module';

export const GENERATOR = (() => {
  const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
})();
