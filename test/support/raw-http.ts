// Raw HTTP/1.1 over a socket: paths and headers exactly as an attacker would send them,
// which fetch and node:http would normalise or refuse before they left the process.
import { connect } from 'node:net'

export interface RawResponse {
  /** 0 when the server closed the connection without a status line. */
  status: number
  head: string
  body: Buffer
}

export function rawRequest(port: number, request: string | Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', () => {}) // a reset after the answer is the server's right
    socket.on('close', () => {
      clearTimeout(timer)
      const all = Buffer.concat(chunks)
      const split = all.indexOf('\r\n\r\n')
      const head = (split < 0 ? all : all.subarray(0, split)).toString('latin1')
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
      resolve({ status: match ? Number(match[1]) : 0, head, body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4) })
    })
    socket.write(request)
  })
}

export const get = (path: string, headers = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`
