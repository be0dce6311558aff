import { build } from 'esbuild';
const LAZY = ['./upload.js','./download.js','./batch.js','./auto-batch.js','./redirect.js','./refusal.js','./hooks.js','./undici-transport.js','./network-error.js'];
const app = `import { Session } from './index.ts';
import { defineService } from './internal.ts';
const UserService = defineService('UserService', { getUserById: ['/user/get-user-by-id', ['userId']] });
export const user = new UserService(new Session({ server: 'https://portal.example.com' })).getUserById({ userId: 1 });`;
const r = await build({ stdin: { contents: app, resolveDir: 'src/runtime', loader: 'ts' }, bundle: true, minify: true, format: 'esm', external: LAZY, write: false });
process.stdout.write(r.outputFiles[0].text);
