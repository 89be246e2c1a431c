// The human summary printed after a build.
import type { BuildSummary } from '../pipeline.js';

export function formatSummary(s: BuildSummary, out: string): string {
  const entities = Object.values(s.entities).reduce((a, b) => a + b, 0);
  const relations = Object.values(s.relations).reduce((a, b) => a + b, 0);
  const notes = [s.skipped ? `${s.skipped} skipped` : '', s.cached ? `${s.cached} from cache` : ''].filter(Boolean).join(', ');
  const lines = [
    `kg: built ${out} from ${s.documents} document${s.documents === 1 ? '' : 's'}${notes ? ` (${notes})` : ''} in ${s.seconds.toFixed(2)} s`,
    `entities  ${entities}: ${Object.entries(s.entities).map(([t, n]) => `${t} ${n}`).join(', ')}`,
    `relations ${relations}: ${Object.entries(s.relations).map(([t, n]) => `${t} ${n}`).join(', ')}; derived located-in ${s.derivedRelations}`,
  ];
  return `${lines.join('\n')}\n`;
}
