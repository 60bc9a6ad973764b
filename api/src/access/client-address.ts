// Which address a request came from: the connection's peer, or, only behind a configured proxy, what that proxy
// says in X-Forwarded-For. A client sending the header itself cannot choose its own address.
import { BlockList, isIP } from 'node:net';

/** An address or a CIDR range, IPv4 or IPv6, as KETENKAART_TRUSTED_PROXIES lists them. */
export function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

const MAX_KNOWN_ADDRESSES = 1_000;

export type ClientAddressOf = (request: Request, peerAddress: string | undefined) => string;

/**
 * Walks X-Forwarded-For from the right, past every trusted proxy: the first address that is not one is the
 * client. A request whose peer is not a trusted proxy is its own client, whatever headers it sends.
 */
export function clientAddressResolver(trustedProxies: readonly string[]): ClientAddressOf {
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(bits), family);
  }
  // BlockList.check builds a SocketAddress at every call, a few per cent of a small request's CPU: with no proxy
  // trusted nothing is checked, and otherwise the answers for the few addresses a server sees are remembered.
  const known = new Map<string, boolean>();
  const isTrusted = (address: string) => {
    if (trustedProxies.length === 0) return false;
    let answer = known.get(address);
    if (answer === undefined) {
      const plain = unmapped(address);
      const family = isIP(plain);
      answer = family !== 0 && trusted.check(plain, family === 6 ? 'ipv6' : 'ipv4');
      // Forwarded hops are the client's to choose: the memory stays bounded whatever they send.
      if (known.size >= MAX_KNOWN_ADDRESSES) known.clear();
      known.set(address, answer);
    }
    return answer;
  };
  return (request, peerAddress) => {
    // No socket (a test or an in-process caller): one shared key, as a single unknown client.
    let client = peerAddress ? unmapped(peerAddress) : 'direct';
    if (!peerAddress || !isTrusted(client)) return client;
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    for (let i = forwarded.length - 1; i >= 0; i -= 1) {
      const hop = unmapped(forwarded[i]!);
      if (isIP(hop) === 0) return client;
      client = hop;
      if (!isTrusted(hop)) return hop;
    }
    return client;
  };
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
