import { fixtureFiles } from './fixture-documents.js';
import { checkGeneratedPackage } from './package-checks.js';

for (const [label, fixture] of fixtureFiles) checkGeneratedPackage(`fixtures-${label}`, fixture);
