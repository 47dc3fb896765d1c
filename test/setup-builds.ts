// Run by test/global-setup.ts in two child processes, one a core: argv[2] is a JSON list of
// command lines, built one after the other, in a process set up as the command's own. Prints
// nothing on success; a failed build prints what it said and exits 1.
import { tuneV8ForBuild } from '../src/cli/tuning.ts';
import { run } from './helpers/cli.ts';

tuneV8ForBuild();

const builds = JSON.parse(process.argv[2] ?? '[]') as string[][];
for (const argv of builds) {
  const result = await run(...argv);
  if (result.code !== 0) {
    process.stderr.write(`${argv.join(' ')} failed (${result.code}): ${result.stderr}`);
    process.exit(1);
  }
}
