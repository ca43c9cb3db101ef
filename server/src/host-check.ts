// Which Host headers the server answers to. A page on an attacker's name that resolves to
// this server (DNS rebinding) sends its own name as Host: refusing unknown names keeps the
// browser's same-origin rule meaningful. IP addresses, localhost and this machine's name are
// always known; other names come from MSP_ALLOWED_HOSTS.
import { isIP } from 'node:net'
import { hostname } from 'node:os'

export function hostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  if (!hostHeader) return false
  // Read as a URL reads it: a Host the URL parser refuses (a port past 65535, a bare IPv6
  // address, spaces) is refused here rather than failing deeper down.
  let parsed: URL
  try {
    parsed = new URL(`http://${hostHeader}`)
  } catch {
    return false
  }
  if (parsed.host !== hostHeader.toLowerCase() && parsed.host !== hostHeader.toLowerCase().replace(/:80$/, '')) return false
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1')
  if (isIP(host) || host === 'localhost' || host.endsWith('.localhost') || host === hostname().toLowerCase()) return true
  return allowed.some((name) => (name.startsWith('*.') ? host.endsWith(name.slice(1)) : host === name))
}
