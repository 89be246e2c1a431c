// `npm run bench`: the build, query and viewer benchmarks in one table on stdout (progress on
// stderr). `--record` also writes the table and the machine's description into
// bench/RESULTS.md, between its markers, leaving the notes around them as they are.
//   npm run bench -- [--only build,tagger,query,viewer] [--scales 1,10,100] [--record]
import { cpus, totalmem, loadavg, platform, release } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/graph/write.js';
import { markdownTable, printRows, type BenchRow } from './rows.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = `${ROOT}bench/RESULTS.md`;
const RESULTS_JSON = `${ROOT}bench/results.json`;
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const SECTIONS = ['build', 'tagger', 'query', 'viewer'] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function machine(): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores available to Node`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${platform()} ${release()}; Node ${process.version}`,
  ].join('\n');
}

const only = (arg('--only')?.split(',') ?? [...SECTIONS]) as string[];
for (const s of only) {
  if (!(SECTIONS as readonly string[]).includes(s)) {
    process.stderr.write(`bench: unknown section "${s}" (expected ${SECTIONS.join(', ')})\n`);
    process.exit(2);
  }
}

// the build benchmark runs the real CLI, so the compiled code must be current
// (the viewer's too when its section runs)
const compile = only.includes('viewer') ? ['npm', 'run', '--silent', 'build'] : ['npx', 'tsc', '-p', 'tsconfig.json'];
process.stderr.write(`bench: compiling kg (${compile.join(' ')})\n`);
const compiled = spawnSync(compile[0]!, compile.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (compiled.status !== 0) {
  process.stderr.write(`bench: ${compile.join(' ')} failed\n`);
  process.exit(1);
}

const loadBefore = loadavg()[0]!;
const started = new Date();
const rows: BenchRow[] = [];
// each section in a process of its own: one section's heap does not slow the next one down
for (const section of SECTIONS) {
  if (!only.includes(section)) continue;
  const scales = section === 'build' && arg('--scales') ? ['--scales', arg('--scales')!] : [];
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${section}.ts`, '--json', ...scales], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    process.stderr.write(`bench: the ${section} section failed (exit ${r.status})\n`);
    process.exit(1);
  }
  rows.push(...(JSON.parse(r.stdout.trim().split('\n').pop()!) as BenchRow[]));
}
printRows(rows);

if (process.argv.includes('--record')) {
  const minutes = (Date.now() - started.getTime()) / 60000;
  // sections not run this time keep their last recorded rows (bench/results.json)
  const previous: BenchRow[] = existsSync(RESULTS_JSON) ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as { rows: BenchRow[] }).rows : [];
  const all = SECTIONS.flatMap((section) => (only.includes(section) ? rows : previous).filter((r) => r.section === section));
  writeFileAtomic(RESULTS_JSON, `${JSON.stringify({ recorded: started.toISOString(), sections: only, rows: all }, null, 2)}\n`);
  const block = [
    START,
    `Sections ${only.join(', ')} measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes.toFixed(1)} min (\`npm run bench -- --record\`); rows of other sections as recorded before.`,
    '',
    machine(),
    `- load average (1 min) at the start ${loadBefore.toFixed(2)}, at the end ${loadavg()[0]!.toFixed(2)}`,
    '',
    markdownTable(all).trimEnd(),
    END,
  ].join('\n');
  const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : `# Benchmark results\n\n${START}\n${END}\n`;
  const [before, rest] = old.includes(START) ? old.split(START) : [old, `${END}\n`];
  const after = rest!.split(END)[1] ?? '\n';
  writeFileAtomic(RESULTS, `${before}${block}${after}`);
  process.stderr.write(`bench: recorded in ${RESULTS}\n`);
}
