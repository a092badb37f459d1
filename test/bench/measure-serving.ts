import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ServingRequest, ServingResponse } from './serving-protocol';

export type ServingOutcome = Extract<ServingResponse, { ok: true }>;

/**
 * Figures 3–5 (rebuild, tally latency, peak RSS), measured in a fresh process that only serves the
 * filled store: `serving-child.js`, forked beside this file (so the bench runs from `dist/`). Its
 * stderr is ours, for the progress bars; the figures come back over the IPC channel.
 */
export function measureServing(request: ServingRequest): Promise<ServingOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'serving-child.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let response: ServingResponse | undefined;
    child.once('message', (message: ServingResponse) => {
      response = message;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (response?.ok) resolve(response);
      else reject(new Error(response ? `serving process failed: ${response.error}` : `serving process exited with ${signal ?? `code ${code}`} before reporting`));
    });
    child.send(request);
  });
}
