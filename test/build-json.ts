// Prints the graph that `build` makes of a folder (fixed time and layout), after the locale the
// process runs in: a helper for the test that the graph does not depend on the user's LANG.
import { build } from '../src/build.js';

const { graph } = await build([process.argv[2]!], { layoutIterations: 20, builtAt: '2026-01-01T00:00:00.000Z' });
process.stdout.write(`${new Intl.Collator().resolvedOptions().locale}\n${JSON.stringify(graph.export())}`);
