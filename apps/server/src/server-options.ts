import type { Clock } from '../../../libs/application/src/tokens';

export interface ServerOptions {
  /** Event store URL (`sqlite:./data/taizhang.db` by default). */
  storeUrl: string;
  /** Read-model store when not beside the events (`TAIZHANG_READ_STORE`; required for EventStoreDB). */
  readStoreUrl?: string;
  port: number;
  host: string;
  /** Load the demo committee (branches, members, a year of activities) before serving. */
  demo?: boolean;
  /** Password of the first `admin` account; generated and printed once when absent. */
  adminPassword?: string;
  /** One JSON line per request on stdout (off in tests). */
  logRequests?: boolean;
  clock?: Clock;
  /** Where first-start messages (the one-time admin password) go; stdout by default. */
  announce?: (line: string) => void;
  /** Password of the `--demo` accounts (`TAIZHANG_DEMO_PASSWORD`); generated and printed when absent. */
  demoPassword?: string;
  /** Mark cookies Secure (serving over https, e.g. behind a TLS proxy). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (client address for login throttling, https detection). */
  trustProxy?: boolean;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
