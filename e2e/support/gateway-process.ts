// The real `npm start` gateway as a child process, for specs that must kill it (SIGKILL: no graceful stop, no
// lease released) and start it again on the same data. It listens on a port of its own choosing (PORT=0) on
// loopback; the URL is read from its start-up line.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface GatewayProcess {
  url: string;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
}

const READY_LINE = /^Sent console on (http:\/\/\S+)/;

export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/gateway/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', GATEWAY_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const found = READY_LINE.exec(line);
      if (found?.[1]) resolve(found[1]);
    });
    void exited.then(([code]) =>
      reject(new Error(`gateway exited (${code}) before serving: ${errors.join('')}`)),
    );
  });
  return {
    url,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
