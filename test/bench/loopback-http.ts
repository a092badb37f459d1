import { Agent, request, type OutgoingHttpHeaders } from 'node:http';

/** A signed-in session as the API hands it out: the cookie to send and the CSRF token for writes. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

export interface HttpAnswer {
  status: number;
  body: string;
  setCookies: string[];
}

/**
 * The bench's HTTP client of the server under test: plain `node:http` over one keep-alive agent
 * (cheaper per request than fetch, and the load generator shares the cores with the server).
 * `send` reads the answer (set-up); `post` drains an expected answer unread (the timed requests).
 */
export class LoopbackHttp {
  private readonly agent: Agent;

  constructor(
    readonly host: string,
    readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: string, path: string, body: string | undefined, headers: OutgoingHttpHeaders = {}): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const req = request({ agent: this.agent, host: this.host, port: this.port, method, path, headers: withBody(headers, body) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookies: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /**
   * POSTs a JSON body and resolves once the answer has fully arrived: with its status, and its
   * body only when the status is not the expected one (the expected answer is drained unread).
   */
  post(path: string, json: string, headers: OutgoingHttpHeaders, expected: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ agent: this.agent, host: this.host, port: this.port, method: 'POST', path, headers: withBody(headers, json) }, (res) => {
        const status = res.statusCode ?? 0;
        let body = '';
        if (status === expected) res.resume();
        else res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status, body }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(json);
    });
  }

  /** POST /api/session; throws unless the server signs the account in. */
  async signIn(username: string, password: string): Promise<ApiSession> {
    const answer = await this.send('POST', '/api/session', JSON.stringify({ username, password }), { 'content-type': 'application/json' });
    const cookie = answer.setCookies.map((line) => line.split(';')[0]).find((pair) => pair.startsWith('taizhang_session=') && pair !== 'taizhang_session=');
    if (answer.status !== 200 || !cookie) throw new Error(`sign-in as ${username}: ${answer.status} ${answer.body.slice(0, 300)}`);
    return { cookie, csrfToken: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken };
  }

  /** POSTs JSON as the session; throws unless the answer is 201 (set-up steps must all succeed). */
  async create(session: ApiSession, path: string, body: unknown): Promise<void> {
    const answer = await this.send('POST', path, JSON.stringify(body), sessionHeaders(session));
    if (answer.status !== 201) throw new Error(`POST ${path} ${JSON.stringify(body)}: ${answer.status} ${answer.body.slice(0, 300)}`);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}

/** The headers of a JSON write as this session (built once per client, reused for every request). */
export function sessionHeaders(session: ApiSession): OutgoingHttpHeaders {
  return { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

function withBody(headers: OutgoingHttpHeaders, body: string | undefined): OutgoingHttpHeaders {
  return body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) };
}
