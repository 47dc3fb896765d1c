// `npm test`: Biome first (a second), then the type check and vitest side by side. The type check
// takes about 10 s of one core, which fits where vitest leaves a core idle (its start, and while a
// worker waits on Chromium or a child process); one after the other it added its whole time to the
// suite's. Arguments go to vitest. Exits non-zero if either fails; tsc's output follows vitest's.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bin = (pkg, name) => require.resolve(`${pkg}/${name}`);

function run(command, args, capture) {
  const child = spawn(process.execPath, [command, ...args], { stdio: capture ? 'pipe' : 'inherit' });
  let output = '';
  if (capture) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${command}: ${error.message}\n` }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typecheck = run(bin('typescript', 'bin/tsc'), ['--noEmit', '-p', '.'], true);
const tests = await run(bin('vitest', 'vitest.mjs'), ['run', ...process.argv.slice(2)], false);
const types = await typecheck;
if (types.code === 0) process.stdout.write('tsc --noEmit: no type errors\n');
else process.stdout.write(`tsc --noEmit: type errors\n${types.output}`);
process.exit(types.code !== 0 ? types.code : tests.code);
