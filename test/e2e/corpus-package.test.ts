// The full-size document in a file of its own, so that it builds in parallel with the small fixtures.
import { corpusFile } from './fixture-documents.js';
import { checkGeneratedPackage } from './package-checks.js';

checkGeneratedPackage('corpus', corpusFile);
