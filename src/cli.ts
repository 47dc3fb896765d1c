#!/usr/bin/env -S node --import tsx
import { main, processIo } from './cli/index.ts';

process.exitCode = await main(process.argv.slice(2), processIo);
