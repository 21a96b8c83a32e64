// Part of `npm run lint`: every GitHub Actions workflow must be valid YAML that matches the
// workflow schema (and its globs must make sense). The release workflow cannot run on this
// machine, so this is the check it gets here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateWorkflow } from '@action-validator/core';

const dir = resolve(import.meta.dirname, '../../.github/workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
let failed = false;
for (const name of files) {
  const { errors } = validateWorkflow(readFileSync(join(dir, name), 'utf8'));
  for (const error of errors) {
    failed = true;
    const where =
      'path' in error ? ` at ${error.path}` : error.location ? ` at line ${error.location.line}` : '';
    console.error(
      `.github/workflows/${name}${where}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`,
    );
  }
}
if (failed) process.exit(1);
console.log(`workflows: ${files.length} checked, valid`);
