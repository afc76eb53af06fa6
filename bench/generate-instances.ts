/** Writes the benchmark instances to bench/instances/ (fixed seed, so the files never drift). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildInstances } from './instance-generator.js';

const directory = new URL('./instances/', import.meta.url);
mkdirSync(directory, { recursive: true });
for (const instance of buildInstances()) {
  const { name, ...body } = instance;
  writeFileSync(new URL(`${name}.json`, directory), `${JSON.stringify(body)}\n`);
  console.log(`bench/instances/${name}.json: ${instance.participants.length} participants`);
}
