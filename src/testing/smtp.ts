/**
 * A real SMTP server in its own process for tests of outgoing mail: the platform's mailer talks SMTP
 * to it over TCP as it would to the city's mail server, and the test reads what arrived, decoded
 * (quoted-printable or base64 bodies, RFC 2047 encoded subjects).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ReceivedMail {
  /** SMTP envelope sender and recipients. */
  from: string | null;
  to: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
}

/** =?UTF-8?Q?…?= and =?UTF-8?B?…?= words of a header, joined as RFC 2047 asks (no space between words). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, enc: string, text: string) => {
      const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qp(text.replace(/_/g, ' '));
      return bytes.toString(charset.toLowerCase() === 'utf-8' ? 'utf8' : 'latin1');
    });
}

function qp(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

export function parseMail(raw: string, envelope: { from: string | null; to: string[] }): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const bytes = encoding === 'quoted-printable' ? qp(body) : encoding === 'base64' ? Buffer.from(body, 'base64') : Buffer.from(body, 'binary');
  return { ...envelope, headers, subject: decodeHeader(headers['subject'] ?? ''), text: bytes.toString('utf8').replace(/\r\n/g, '\n') };
}

export interface SmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The first message (already received or still to come) that `match` accepts. */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<SmtpServer> {
  const script = fileURLToPath(new URL('./smtp-server.process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const received: ReceivedMail[] = [];
  const waiting = new Set<() => void>();
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`SMTP server process exited with ${code}`)));
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { port?: number; from: string | null; to: string[]; raw: string };
      if (msg.port) return resolve(msg.port);
      received.push(parseMail(Buffer.from(msg.raw, 'base64').toString('binary'), msg));
      for (const wake of waiting) wake();
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (received: ${received.map((m) => m.subject).join(' | ') || 'none'})`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
