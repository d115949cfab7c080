export type Stream = 'stdout' | 'stderr';

/** Where the launcher and the processes it runs write their lines, each tagged with its source. */
export type Output = (source: string, text: string, stream?: Stream) => void;

const SOURCE_WIDTH = 16;

export const consoleOutput: Output = (source, text, stream = 'stdout') => {
  const target = stream === 'stderr' ? process.stderr : process.stdout;
  target.write(`${source.padEnd(SOURCE_WIDTH)}| ${text}\n`);
};
