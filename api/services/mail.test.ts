import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestMailServer, type TestMailServer } from '../testMail';
import { closeMailTransports, sendMail } from './mail';

describe('sending mail', () => {
  let server: TestMailServer;
  beforeEach(async () => {
    server = await startTestMailServer();
  });
  afterEach(async () => {
    closeMailTransports();
    await server.close();
  });

  test('a message reaches the mail server with its sender, recipients, subject and text', async () => {
    const result = await sendMail(
      { smtpUrl: server.url, mailFrom: 'Scope <no-reply@scope.example>' },
      {
        to: ['lucia@agency.example'],
        subject: 'Your invitation to Scope',
        text: 'Open https://scope.example/welcome/abc',
      },
    );
    expect(result).toEqual({ sent: true, accepted: ['lucia@agency.example'] });
    const [mail] = await server.waitFor(1);
    expect(mail).toMatchObject({ from: 'no-reply@scope.example', to: ['lucia@agency.example'] });
    expect(mail?.subject).toBe('Your invitation to Scope');
    expect(mail?.text).toContain('https://scope.example/welcome/abc');
  });

  test('without a mail server nothing is sent, and the caller is told so', async () => {
    const result = await sendMail(
      { smtpUrl: null, mailFrom: 'x@y.z' },
      { to: ['a@b.c'], subject: 's', text: 't' },
    );
    expect(result).toEqual({ sent: false, reason: 'not-configured' });
  });

  test('a mail server that refuses says so in words, without its password', async () => {
    await server.close();
    const result = await sendMail(
      { smtpUrl: server.url.replace('smtp://', 'smtp://scope:hunter2secret@'), mailFrom: 'x@y.z' },
      { to: ['a@b.c'], subject: 's', text: 't' },
    );
    expect(result).toMatchObject({ sent: false, reason: 'failed' });
    expect(JSON.stringify(result)).not.toContain('hunter2secret');
    server = await startTestMailServer();
  });
});
