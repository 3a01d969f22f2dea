// Ids on SOM's input: the same safe alphabet every service accepts in a path or query.
import { z } from 'zod';

export const SomId = z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]');
