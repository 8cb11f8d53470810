import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '@/server/alerts/channels/deliver';
import type { ChannelConfig, SmtpSettings } from '@/server/alerts/channels/types';
import { closedPort, sampleMessage } from './local-server';

type Received = {
  auth: { username?: string | null; password?: string | null } | null;
  mailFrom: string | null;
  rcptTo: string[];
  raw: string;
};

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A local SMTP server (plain text, no STARTTLS) that records what it receives. */
async function startSmtp(overrides: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  let current: Received = { auth: null, mailFrom: null, rcptTo: [], raw: '' };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      current.auth = { username: auth.username, password: auth.password };
      callback(null, { user: auth.username });
    },
    onMailFrom(address, _session, callback) {
      current.mailFrom = address.address;
      callback();
    },
    onRcptTo(address, _session, callback) {
      current.rcptTo.push(address.address);
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        current.raw = Buffer.concat(chunks).toString('utf8');
        received.push(current);
        current = { auth: null, mailFrom: null, rcptTo: [], raw: '' };
        callback(null, 'Queued as 7F3A');
      });
    },
    ...overrides,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port, received };
}

const from = 'Stockvis <alerts@stockvis.example>';
const serverSmtp = (port: number): SmtpSettings => ({
  host: '127.0.0.1',
  port,
  secure: false,
  from,
});
const toAda: ChannelConfig = { kind: 'email', to: 'ada@example.com' };

/** Splits a raw message into its (unfolded) header block and body. */
function headersOf(raw: string): Record<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return Object.fromEntries(
    head.split('\r\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The decoded body of the MIME part with the given content type. */
function partOf(raw: string, contentType: string): string {
  const start = raw.indexOf(`Content-Type: ${contentType}`);
  expect(start).toBeGreaterThan(-1);
  const headerEnd = raw.indexOf('\r\n\r\n', start);
  const partHeaders = raw.slice(start, headerEnd);
  const body = raw.slice(headerEnd + 4, raw.indexOf('\r\n--', headerEnd));
  if (/quoted-printable/i.test(partHeaders)) return decodeQuotedPrintable(body);
  if (/base64/i.test(partHeaders)) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

describe('e-mail channel (SMTP through nodemailer)', () => {
  it('sends through the server-wide SMTP settings: subject, Message-ID, text and HTML parts', async () => {
    const smtp = await startSmtp();

    const result = await deliver(toAda, sampleMessage, { smtp: serverSmtp(smtp.port) });

    expect(result).toEqual({
      ok: true,
      status: 250,
      providerId: '<stockvis.alert_01JD8ZQ4T7@stockvis.example>',
    });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.mailFrom).toBe('alerts@stockvis.example');
    expect(mail?.rcptTo).toEqual(['ada@example.com']);
    expect(mail?.auth).toBeNull();
    const headers = headersOf(mail?.raw ?? '');
    expect(headers).toMatchObject({
      from: 'Stockvis <alerts@stockvis.example>',
      to: 'ada@example.com',
      subject: '[Stockvis] Samsung Electronics <005930> up 5.2%',
      'message-id': '<stockvis.alert_01JD8ZQ4T7@stockvis.example>',
      'x-stockvis-event': 'alert',
      'x-stockvis-delivery': 'alert_01JD8ZQ4T7',
    });
    expect(headers['content-type']).toMatch(/^multipart\/alternative;/);
    expect(partOf(mail?.raw ?? '', 'text/plain').replace(/\r\n/g, '\n')).toBe(
      'Samsung Electronics <005930> up 5.2%\n\n' +
        'Price 81,200 KRW & rising\nDay change +5.2% (rule: day change beyond ±5%)\n\n' +
        'https://stockvis.example/stocks/005930.KS',
    );
    const html = partOf(mail?.raw ?? '', 'text/html');
    expect(html).toContain(
      '<h1 style="font-size:18px;margin:0 0 12px">Samsung Electronics &lt;005930&gt; up 5.2%</h1>',
    );
    expect(html).toContain(
      'Price 81,200 KRW &amp; rising<br>Day change +5.2% (rule: day change beyond ±5%)',
    );
    expect(html).toContain(
      '<a href="https://stockvis.example/stocks/005930.KS">https://stockvis.example/stocks/005930.KS</a>',
    );
    expect(html).toContain('border-left:4px solid #f59e0b');
  });

  it('prefers the channel’s own SMTP server and signs in with its credentials', async () => {
    const own = await startSmtp();
    const config: ChannelConfig = {
      kind: 'email',
      to: 'ada@example.com',
      smtp: {
        host: '127.0.0.1',
        port: own.port,
        secure: false,
        user: 'ada',
        password: 'app-password-1',
        from: 'ada@mail.example',
      },
    };
    const unused = await closedPort();

    const result = await deliver(
      config,
      { ...sampleMessage, severity: 'critical' },
      {
        smtp: serverSmtp(unused),
      },
    );

    expect(result).toMatchObject({
      ok: true,
      providerId: '<stockvis.alert_01JD8ZQ4T7@mail.example>',
    });
    expect(own.received[0]?.auth).toEqual({ username: 'ada', password: 'app-password-1' });
    expect(headersOf(own.received[0]?.raw ?? '')).toMatchObject({
      from: 'ada@mail.example',
      'x-priority': '1 (Highest)',
    });
  });

  it('encodes a Korean subject and body', async () => {
    const smtp = await startSmtp();
    await deliver(
      toAda,
      { ...sampleMessage, title: '삼성전자 5% 상승', body: '현재가 81,200원' },
      { smtp: serverSmtp(smtp.port) },
    );
    const raw = smtp.received[0]?.raw ?? '';
    const subject = headersOf(raw).subject ?? '';
    const decoded = subject.replace(
      /=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi,
      (_, mode: string, text: string) =>
        mode.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
    expect(decoded).toBe('[Stockvis] 삼성전자 5% 상승');
    expect(partOf(raw, 'text/plain')).toContain('현재가 81,200원');
  });

  it('reports a 550 rejection of the recipient as a permanent failure', async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });

    const result = await deliver(toAda, sampleMessage, { smtp: serverSmtp(smtp.port) });

    expect(result).toEqual({
      ok: false,
      retryable: false,
      reason: 'SMTP RCPT TO: 550 Mailbox unavailable',
      status: 550,
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('retries a temporary 451 rejection (greylisting)', async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
      },
    });
    expect(await deliver(toAda, sampleMessage, { smtp: serverSmtp(smtp.port) })).toMatchObject({
      ok: false,
      retryable: true,
      status: 451,
    });
  });

  it('retries when the SMTP server refuses the connection', async () => {
    const port = await closedPort();
    const result = await deliver(toAda, sampleMessage, { smtp: serverSmtp(port) });
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok === false && result.reason).toMatch(/^SMTP connection failed: .*ECONNREFUSED/);
  });

  it('times out on a server that accepts the connection but never greets', async () => {
    const sockets = new Set<Socket>();
    const silent = createTcpServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    stops.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const { port } = silent.address() as AddressInfo;

    const result = await deliver(toAda, sampleMessage, { smtp: serverSmtp(port), timeoutMs: 300 });

    expect(result).toEqual({ ok: false, retryable: true, reason: 'timeout' });
  });

  it('fails permanently when no SMTP server is configured at all', async () => {
    expect(await deliver(toAda, sampleMessage, { smtp: null })).toEqual({
      ok: false,
      retryable: false,
      reason: 'no SMTP server configured',
    });
  });
});
