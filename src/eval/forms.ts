// Surface forms as the guideline compares them: the form key resolution uses (resolve/keys.ts),
// where extraction, whose records the build cache keys by its code, can read it too.
export { surfaceKey as formKey } from '../resolve/keys.js';
