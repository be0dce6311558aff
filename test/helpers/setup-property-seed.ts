/** Every fast-check property of the run starts from the run's seed (see property-seed.ts). */
import fc from 'fast-check';
import { propertySeed } from './property-seed.js';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: propertySeed() });
