import { spawnSync } from 'node:child_process';

/**
 * For tests that check our files with another program's reader (Python's
 * email package, openpyxl): a python3 that can import the given modules, or
 * the reason there is none. Debian's python3 comes first because that is where
 * `apt-get install python3-openpyxl` (in .ci/run) puts the module.
 */
export function findPython(
  modules: string[] = [],
): { python: string; skip?: undefined } | { python?: undefined; skip: string } {
  const imports = modules.length ? `import ${modules.join(', ')}` : 'pass';
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', imports], { encoding: 'utf8' });
    if (r.status === 0) return { python };
  }
  const what = modules.length ? `python3 with ${modules.join(', ')}` : 'python3';
  // Debian names its packages in lower case: `import PIL` comes from python3-pil.
  const packages = ['python3', ...modules.map((m) => `python3-${m.toLowerCase()}`)].join(' ');
  return { skip: `${what} is not installed (apt-get install -y ${packages}; .ci/run does this)` };
}

/** Runs a Python script with input on stdin and returns what it printed as JSON. */
export function runPython(python: string, script: string, input: Buffer | string): unknown {
  const r = spawnSync(python, ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}
