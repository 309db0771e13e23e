/**
 * Local receivers the e2e tests point the action at: an SMTP server and an HTTP server that keep
 * everything they receive (the paging and the subscriptions tests send through them).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
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

/** A request the HTTP receiver got. */
export interface Hit {
  path: string
  body: string
  headers: IncomingMessage['headers']
}

/**
 * An HTTP server on 127.0.0.1 that pushes every request it receives to `hits`, then lets `respond`
 * answer it (the stand-in for a provider or a subscriber). `base` is its address.
 */
export async function startHttp(
  hits: Hit[],
  respond: (hit: Hit, res: ServerResponse) => void,
): Promise<{ base: string; close: () => Promise<void> }> {
  const http = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const hit = { path: req.url ?? '', body, headers: req.headers }
      hits.push(hit)
      respond(hit, res)
    })
  })
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r))
  return {
    base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => http.close(() => r())),
  }
}
