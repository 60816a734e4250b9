/**
 * The SMTP server process behind `startSmtpServer()` (src/testing/smtp.ts): smtp-server on
 * 127.0.0.1 and a free port, printing the port and then every received message as one JSON line.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const mailFrom = session.envelope.mailFrom;
      const line = {
        from: mailFrom ? mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('base64'),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
