// `kg view`: serve the viewer and a graph on localhost until Ctrl-C.
import { spawn } from 'node:child_process';
import { InvalidArgumentError, type Command } from 'commander';
import { openForQueries } from './query-commands.js';
import { DEFAULT_VIEW_SERVER_OPTIONS } from '../view/defaults.js';

export function registerViewCommands(program: Command, defaultGraph: string): void {
  program
    .command('view')
    .description('serve the graph viewer on localhost and print its URL (Ctrl-C stops it)')
    .argument('[graph]', 'graph file', defaultGraph)
    .option('-p, --port <port>', 'port to listen on (0: any free port)', parsePort, DEFAULT_VIEW_SERVER_OPTIONS.port)
    .option('--host <host>', 'address to listen on (other machines can reach it if not loopback)', DEFAULT_VIEW_SERVER_OPTIONS.host)
    .option('--open', 'open the viewer in the default browser')
    .action(async (file: string, opts: { port: number; host: string; open?: boolean }) => {
      // a missing or broken graph fails here, not in the browser; the skeleton, when current, makes it quick
      const graph = await openForQueries(file);
      const { startViewServer } = await import('../view/server.js');
      const server = await startViewServer(file, { port: opts.port, host: opts.host });
      process.stdout.write(`${server.url}\n`);
      process.stderr.write(`kg: serving ${file} (${graph.order} entities, ${graph.size} relations); Ctrl-C to stop\n`);
      if (opts.open) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(`\nkg: ${signal === 'SIGINT' ? 'interrupted' : signal}, server stopped\n`);
          void server.close().then(resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return n;
}

/** Best effort: the platform's opener, detached; the URL is printed anyway. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`kg: could not open a browser; open ${url} yourself\n`));
    child.unref();
  } catch {
    process.stderr.write(`kg: could not open a browser; open ${url} yourself\n`);
  }
}
