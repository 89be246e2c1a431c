// A build worker: loads the segmenter and dictionaries once, then extracts files as asked.
import { parentPort } from 'node:worker_threads';
import { extractFile, type FileTask } from './extract-file.js';

parentPort?.on('message', (msg: { task: FileTask }) => {
  extractFile(msg.task).then(
    (outcome) => parentPort!.postMessage({ outcome }),
    (err: unknown) => parentPort!.postMessage({ error: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack }),
  );
});

// loaded: from here on the pool may stop this worker whenever it is between articles
parentPort?.postMessage({ ready: true });
