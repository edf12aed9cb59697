// Runs `npm ci --no-audit --no-fund` here unless node_modules already holds exactly what
// package-lock.json names (npm's own record of the install, node_modules/.package-lock.json).
// Maven calls this in generate-resources, so every build has the linter and the bpmn-js viewer
// without reinstalling them each time.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const here = __dirname;

function installed(lock, record) {
  try {
    const wanted = JSON.parse(fs.readFileSync(path.join(here, lock), 'utf8')).packages || {};
    const have = JSON.parse(fs.readFileSync(path.join(here, record), 'utf8')).packages || {};
    const names = Object.keys(wanted).filter((name) => name !== '');
    return names.length === Object.keys(have).length &&
      names.every((name) => have[name] && have[name].version === wanted[name].version &&
        fs.existsSync(path.join(here, name)));
  } catch (e) {
    return false;
  }
}

if (installed('package-lock.json', 'node_modules/.package-lock.json')) {
  console.log('src/lint: node_modules is up to date with package-lock.json');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status === null ? 1 : result.status);
