import type { OutgoingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { activityBody } from './http-ledger';
import type { LoopbackHttp } from './loopback-http';

/** One simulated secretary's browser or script: its own session, its branch's prepared bodies. */
export interface LoadClient {
  headers: OutgoingHttpHeaders;
  tails: readonly string[];
  /** Activity ids are `<idPrefix>-<n>`: unique per client and run, chosen by the client as the API allows. */
  idPrefix: string;
}

export interface LoadTiming {
  warmUpMs: number;
  measureMs: number;
}

export interface LoadOutcome {
  /** Requests sent over the whole run (warm-up, window, and those in flight when it closed). */
  sent: number;
  /** 201 answers over the whole run: every activity the server said it logged. */
  acked: number;
  /** 201 answers that arrived inside the measured window. */
  ackedInWindow: number;
  windowMs: number;
  /** Latency of each request sent inside the window (send to last byte of the answer), ms. */
  latenciesMs: number[];
  /** Answers other than 201, by status. */
  refused: Record<string, number>;
  /** The first refused answer's body, to say why. */
  firstRefusal?: string;
  /** Requests that got no answer (connection errors), by error code: their outcome is unknown. */
  failed: Record<string, number>;
  /** CPU time of this process (the load generator) during the window, ms. */
  clientCpuMs: number;
  /** CPU time of the server process during the window, ms (undefined when it cannot be read). */
  serverCpuMs?: number;
}

const PATH = '/api/activities';

/**
 * Every client POSTs activities one after another (a new one as soon as the last is answered)
 * until the window closes: a warm-up first (JIT, connections, caches), then the measured window.
 * Requests still in flight when it closes are awaited and their answers counted as acknowledged
 * or not, so the count in the store can be checked against every acknowledgement.
 */
export async function runLoad(http: LoopbackHttp, clients: readonly LoadClient[], timing: LoadTiming, serverCpuMs: () => number | undefined): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { sent: 0, acked: 0, ackedInWindow: 0, windowMs: timing.measureMs, latenciesMs: [], refused: {}, failed: {}, clientCpuMs: 0 };
  const started = performance.now();
  const windowStart = started + timing.warmUpMs;
  const windowEnd = windowStart + timing.measureMs;

  let cpuAtStart: { client: NodeJS.CpuUsage; server: number | undefined } | undefined;
  const opened = setTimeout(() => {
    cpuAtStart = { client: process.cpuUsage(), server: serverCpuMs() };
  }, timing.warmUpMs);
  const closed = new Promise<void>((resolve) => {
    setTimeout(() => {
      if (cpuAtStart) {
        const client = process.cpuUsage(cpuAtStart.client);
        outcome.clientCpuMs = (client.user + client.system) / 1000;
        const server = serverCpuMs();
        if (server !== undefined && cpuAtStart.server !== undefined) outcome.serverCpuMs = server - cpuAtStart.server;
      }
      resolve();
    }, timing.warmUpMs + timing.measureMs);
  });

  const runClient = async (client: LoadClient): Promise<void> => {
    for (let n = 0; performance.now() < windowEnd; n++) {
      const body = activityBody(`${client.idPrefix}-${n}`, client.tails[n % client.tails.length]);
      outcome.sent += 1;
      const sentAt = performance.now();
      let answer: { status: number; body: string };
      try {
        answer = await http.post(PATH, body, client.headers, 201);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        outcome.failed[code] = (outcome.failed[code] ?? 0) + 1;
        continue;
      }
      const answeredAt = performance.now();
      if (sentAt >= windowStart && sentAt < windowEnd) outcome.latenciesMs.push(answeredAt - sentAt);
      if (answer.status === 201) {
        outcome.acked += 1;
        if (answeredAt >= windowStart && answeredAt < windowEnd) outcome.ackedInWindow += 1;
      } else {
        outcome.refused[answer.status] = (outcome.refused[answer.status] ?? 0) + 1;
        outcome.firstRefusal ??= `${answer.status} ${answer.body.slice(0, 300)} (for ${body.slice(0, 200)})`;
      }
    }
  };

  try {
    await Promise.all([...clients.map(runClient), closed]);
  } finally {
    clearTimeout(opened);
  }
  return outcome;
}
