#!/usr/bin/env node
// The npm registry this project is built against mirrors only some platforms' native packages
// (rollup's and Biome's binaries for macOS, Windows, Android, musl...). `npm install` then leaves
// those optional packages out of package-lock.json, and `npm ci` refuses the lock as out of sync.
// A lock written against the full registry lists them, marked optional with their os and cpu, and
// npm never fetches them on another platform. This restores those entries, so the lock is the one
// any machine would write. Run it after `npm install` changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const PLATFORM = /-(android|darwin|freebsd|linux|openbsd|openharmony|sunos|win32|aix)-(arm64|x64|arm|ia32|loong64|ppc64|riscv64|s390x|mips64el)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/;
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const at = `node_modules/${name}`;
    if (lock.packages[at] || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    const platform = PLATFORM.exec(name);
    if (!platform) continue;
    const [, os, cpu, abi] = platform;
    const restored = { version: spec, cpu: [cpu], ...(entry.dev ? { dev: true } : {}) };
    if (abi === 'musl' || abi === 'musleabihf') restored.libc = ['musl'];
    if (abi === 'gnu' || abi === 'gnueabihf') restored.libc = ['glibc'];
    Object.assign(restored, { optional: true, os: [os] });
    lock.packages[at] = restored;
    added += 1;
    void key;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`restored ${added} optional platform entries`);
