// Installs the Debian packages the tests need when they are missing (run before `npm test`).
// Usage: node scripts/ensure-debian-packages.mjs PACKAGE...
// Present packages are skipped at once; missing ones are installed with apt-get when running
// as root, otherwise the command to run is printed. Never fails the test run by itself:
// a test that needs a missing package fails with its own message.
import { execFileSync, spawnSync } from 'node:child_process';

const packages = process.argv.slice(2);
const say = (text) => process.stdout.write(`ensure-debian-packages: ${text}\n`);

function installed(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

if (packages.length === 0) {
  say('no packages named; usage: node scripts/ensure-debian-packages.mjs PACKAGE...');
} else if (spawnSync('dpkg-query', ['--version']).error) {
  say(`not a Debian system (no dpkg-query); install ${packages.join(', ')} yourself`);
} else {
  const missing = packages.filter((name) => !installed(name));
  if (missing.length === 0) {
    say(`${packages.join(', ')} already installed`);
  } else if (process.getuid?.() !== 0) {
    say(`missing: ${missing.join(', ')}; not root, so not installing. Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  } else {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    say(`installing ${missing.join(', ')}: apt-get update`);
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    say(`apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    say(`installed ${missing.join(', ')}`);
  }
}
