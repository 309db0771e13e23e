/**
 * Local receivers the e2e tests point the action at: an SMTP server that keeps every message (the
 * paging and the subscriptions tests send e-mail through it).
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface Mail {
  to: string[]
  data: string
}

/** An SMTP server on 127.0.0.1 (no TLS, no auth) that pushes every message it receives to `mails`. */
export async function startSmtp(mails: Mail[]): Promise<{ port: number; close: () => Promise<void> }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      let data = ''
      stream.on('data', (c: Buffer) => (data += c.toString()))
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data })
        cb()
      })
    },
  })
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r))
  return {
    port: (smtp.server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  }
}
