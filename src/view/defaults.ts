// Where `kg view` serves by default, apart from the server (server.ts) so that the CLI can say so
// in its help without loading it.
import { VIEWER_DIR } from './assets.js';

export interface ViewServerOptions {
  host: string;
  /** 0 picks a free port */
  port: number;
  viewerDir: string;
}

export const DEFAULT_VIEW_SERVER_OPTIONS: ViewServerOptions = { host: '127.0.0.1', port: 4173, viewerDir: VIEWER_DIR };
