// Where the committed model and its training config live: data/model/ of the project, found from
// this file (two levels below the project in src/ and in dist/ alike), not from the working folder.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The model `kg build` uses unless given --model or --rules-only. */
export const DEFAULT_MODEL = resolve(PROJECT_ROOT, 'data/model/entities.model');

/** The model file a build uses: `model` when given, else the committed one; null for the rules alone. */
export function modelOrDefault(model: string | null | undefined): string | null {
  return model === undefined ? DEFAULT_MODEL : model;
}
/** What `kg train` and `kg eval --cv` read unless given --config. */
export const DEFAULT_TRAIN_CONFIG = resolve(PROJECT_ROOT, 'data/model/train.json');
