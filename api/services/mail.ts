/**
 * Scope's mail: invitations, password resets and reminders, sent through the coalition's own mail
 * server when SCOPE_SMTP_URL names one. Without it nothing is sent, and the pages show the link or
 * text to copy instead. No HTTP here.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';

export type Mail = {
  to: string[];
  subject: string;
  /** Plain text only: no tracking, no images, readable in any mail program. */
  text: string;
  /**
   * Where a reply goes, when the message asks for one: the sender's address is often a no-reply
   * one, and a reminder that says "reply to this message" must reach the admin who sent it.
   */
  replyTo?: string;
};

export type MailResult =
  | { sent: true; accepted: string[] }
  | { sent: false; reason: 'not-configured' }
  | { sent: false; reason: 'failed'; message: string };

type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom'>;

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    const url = new URL(smtpUrl);
    // A mail server that doesn't answer must not hold an admin's page for minutes.
    for (const [name, ms] of [
      ['connectionTimeout', '10000'],
      ['greetingTimeout', '10000'],
      ['socketTimeout', '20000'],
    ] as const)
      if (!url.searchParams.has(name)) url.searchParams.set(name, ms);
    transport = nodemailer.createTransport(url.toString());
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Whether Scope sends mail at all. */
export const mailConfigured = (config: MailConfig) => config.smtpUrl !== null;

/**
 * Sends one message to its recipients. Never throws: a failure is returned in words an admin can act
 * on (the link or text is then shown to copy), and the mail server's password never appears in them.
 */
export async function sendMail(config: MailConfig, mail: Mail): Promise<MailResult> {
  if (config.smtpUrl === null) return { sent: false, reason: 'not-configured' };
  try {
    const info = await transportFor(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    });
    const accepted = (info.accepted ?? []) as Array<string | { address: string }>;
    return { sent: true, accepted: accepted.map((a) => (typeof a === 'string' ? a : a.address)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      sent: false,
      reason: 'failed',
      message: `The mail server didn’t take the message (${detail.replace(/\/\/[^@\s]*@/g, '//')}).`,
    };
  }
}

/** Closes kept connections to mail servers: for a clean shutdown and for tests. */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
