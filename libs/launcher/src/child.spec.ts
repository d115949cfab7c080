import { describe, expect, it } from 'vitest';
import { exited, run, spawnLogged, stopChild } from './child';
import type { Output } from './output';
import { waitUntil } from './wait';

const lines: string[] = [];
const output: Output = (source, text, stream) => lines.push(`${source} ${stream}: ${text}`);

const node = (name: string, script: string) => ({ name, command: process.execPath, args: ['-e', script], output });

describe('spawnLogged', () => {
  it('passes every line of both streams on, tagged with the name', async () => {
    expect(await run(node('talker', "console.log('one\\ntwo'); console.error('oops'); process.exit(3)"))).toBe(3);
    expect(lines).toEqual(expect.arrayContaining(['talker stdout: one', 'talker stdout: two', 'talker stderr: oops']));
  });
});

describe('stopChild', () => {
  it('stops a process that ignores SIGTERM with SIGKILL after the grace period', async () => {
    const child = spawnLogged(
      node('stubborn', "process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('up'); setInterval(() => {}, 1000);"),
    );
    await waitUntil(async () => lines.includes('stubborn stdout: up'), { what: 'stubborn process', timeoutMs: 10_000 });
    await stopChild(child, 300);
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');
    expect(lines).toContain('stubborn stdout: ignoring SIGTERM');
  });

  it('lets a process that handles SIGTERM exit by itself', async () => {
    const child = spawnLogged(node('polite', "process.on('SIGTERM', () => process.exit(0)); console.log('up'); setInterval(() => {}, 1000);"));
    await waitUntil(async () => lines.includes('polite stdout: up'), { what: 'polite process', timeoutMs: 10_000 });
    await stopChild(child, 30_000);
    expect(child.exitCode).toBe(0);
  });
});
