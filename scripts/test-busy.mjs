/**
 * `npm test` on a busy machine: one CPU burner per core (two by default, BURNERS=N to change) spins
 * while the whole suite runs, so a test that depends on the machine being fast shows up here first.
 * The burners stop when the suite ends, and by themselves after BURN_MINUTES (default 30) at most.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const count = Number(process.env.BURNERS ?? Math.max(2, availableParallelism()));
const minutes = Number(process.env.BURN_MINUTES ?? 30);
const burn = `const end = Date.now() + ${minutes * 60_000}; while (Date.now() < end) {}`;
const burners = Array.from({ length: count }, () =>
  spawn(process.execPath, ['-e', burn], { stdio: 'ignore' }),
);
const stopBurners = () => {
  for (const burner of burners) burner.kill('SIGKILL');
};
process.on('exit', stopBurners);

console.log(`test:busy: ${count} CPU burners running, then npm test`);
const started = Date.now();
const suite = spawn('npm', ['test', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => suite.kill(signal));
suite.on('exit', (code, signal) => {
  stopBurners();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `test:busy: npm test ${code === 0 ? 'passed' : 'failed'} in ${seconds} s beside ${count} burners`,
  );
  process.exit(code ?? (signal ? 1 : 0));
});
