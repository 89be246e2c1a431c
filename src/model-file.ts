// The model file (data/model/entities.model): the entity tagger and the relation classifier that
// `kg train` learns, in one file. A magic word, a JSON header (what each part is, how it was
// trained, a checksum), then both parts' arrays deflated. The same models give the same bytes:
// no time stamps, keys sorted, a fixed compression level.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { taggerFromPayload, taggerPayload, type TaggerMeta, type TaggerModel } from './tagger/model.js';
import { linkerFromPayload, linkerPayload, type LinkerModel } from './linker/model.js';

const MAGIC = 'KGMODELS';
const FORMAT = 3;

export interface Models {
  tagger: TaggerModel;
  /** the relation classifier; a model file without one leaves relations to the rules */
  linker?: LinkerModel;
  /** how the models were trained: the data read and the settings */
  training: Record<string, unknown>;
}

interface Header {
  format: number;
  tagger: TaggerMeta & { bytes: number };
  linker?: ReturnType<typeof linkerPayload>['meta'] & { bytes: number };
  training: Record<string, unknown>;
  /** sha256 of the deflated arrays */
  sha256: string;
}

/** A model file that cannot be used: the message names the file and the fault. */
export class ModelError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ModelError';
  }
}

export function serializeModels(models: Models): Buffer {
  const t = taggerPayload(models.tagger);
  const l = models.linker ? linkerPayload(models.linker) : undefined;
  const deflated = deflateRawSync(Buffer.concat(l ? [t.bytes, l.bytes] : [t.bytes]), { level: 9 });
  const header: Header = {
    format: FORMAT,
    tagger: { ...t.meta, bytes: t.bytes.length },
    ...(l ? { linker: { ...l.meta, bytes: l.bytes.length } } : {}),
    training: models.training,
    sha256: createHash('sha256').update(deflated).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, json, deflated]);
}

/** Reads a model file's bytes; any fault is a ModelError naming the file. */
export function parseModels(bytes: Buffer, file: string): Models {
  const fail = (reason: string): never => {
    throw new ModelError(file, reason);
  };
  if (bytes.length < MAGIC.length + 4 || bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) fail('not a kg model file (no KGMODELS header)');
  const len = bytes.readUInt32LE(MAGIC.length);
  const begin = MAGIC.length + 4;
  if (begin + len > bytes.length) fail('truncated model file (header cut short)');
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(begin, begin + len).toString('utf8')) as Header;
  } catch {
    return fail('damaged model file (its header is not valid JSON)');
  }
  if (header.format !== FORMAT) fail(`model format ${String(header.format)} is not the one this kg reads (${FORMAT}): train it again (kg train)`);
  const deflated = bytes.subarray(begin + len);
  if (createHash('sha256').update(deflated).digest('hex') !== header.sha256) fail('damaged model file (checksum mismatch; truncated or changed)');
  let raw: Buffer;
  try {
    raw = inflateRawSync(deflated);
  } catch {
    return fail('damaged model file (cannot be decompressed)');
  }
  const tBytes = header.tagger?.bytes ?? -1;
  const lBytes = header.linker?.bytes ?? 0;
  if (tBytes < 0 || tBytes + lBytes !== raw.length) fail(`damaged model file (${raw.length} bytes of weights, the header says ${tBytes + lBytes})`);
  const tagger = taggerFromPayload(header.tagger, raw.subarray(0, tBytes), fail);
  const linker = header.linker ? linkerFromPayload(header.linker, raw.subarray(tBytes), fail) : undefined;
  return { tagger, ...(linker ? { linker } : {}), training: header.training ?? {} };
}

const loaded = new Map<string, { models: Models; sha256: string }>();

/** Reads a model file once per process; also gives the file's sha256, which keys the build cache. */
export function loadModels(file: string): Models & { sha256: string } {
  let got = loaded.get(file);
  if (!got) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ModelError(file, code === 'ENOENT' ? 'no such model file (kg train writes one; --rules-only builds without)' : `cannot read the model file (${code ?? (err as Error).message})`);
    }
    got = { models: parseModels(bytes, file), sha256: createHash('sha256').update(bytes).digest('hex') };
    loaded.set(file, got);
  }
  return { ...got.models, sha256: got.sha256 };
}
