/** After each test file, its temporary folders go (see temporary.ts). */
import { afterAll } from 'vitest';
import { removeTemporaryFolders } from './temporary.js';

afterAll(removeTemporaryFolders);
