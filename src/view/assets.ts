// The built viewer (Vite's output in dist/viewer/): where it is and which files it has.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/viewer/ of this package, found from src/view/ (tsx) and dist/view/ (compiled) alike. */
export const VIEWER_DIR = fileURLToPath(new URL('../../dist/viewer/', import.meta.url));

export class ViewerNotBuiltError extends Error {
  constructor(dir: string) {
    super(`${dir}: the viewer is not built (run \`npm run build\`)`);
    this.name = 'ViewerNotBuiltError';
  }
}

export function checkViewerBuilt(dir: string = VIEWER_DIR): void {
  if (!existsSync(join(dir, 'index.html'))) throw new ViewerNotBuiltError(dir);
}

/** URL path ("/assets/index-x.js") → file, for every file of the built viewer. */
export function viewerFiles(dir: string = VIEWER_DIR): Map<string, string> {
  checkViewerBuilt(dir);
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(`/${relative(dir, p).split(sep).join('/')}`, p);
    }
  };
  walk(dir);
  return files;
}
