import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/*
 * Which addresses a webhook may be sent to. The server, not the organization, makes these
 * requests, so an endpoint must not reach into the platform's own surroundings: link-local
 * addresses (169.254.0.0/16 with the cloud metadata service, fe80::/10), "this host" and
 * multicast are refused unless the operator allows link-local targets (WEBHOOK_ALLOW_LINK_LOCAL).
 * Plain http is accepted only to loopback and private networks, for a development receiver or a
 * controller in the same network; anything on the internet needs https.
 */

export interface TargetPolicy {
  allowLinkLocal: boolean;
}

export const DEFAULT_WEBHOOK_POLICY: TargetPolicy = { allowLinkLocal: false };

const forbidden = new BlockList();
forbidden.addSubnet('0.0.0.0', 8, 'ipv4');
forbidden.addSubnet('169.254.0.0', 16, 'ipv4');
forbidden.addSubnet('224.0.0.0', 4, 'ipv4');
forbidden.addSubnet('240.0.0.0', 4, 'ipv4');
forbidden.addAddress('::', 'ipv6');
forbidden.addSubnet('fe80::', 10, 'ipv6');
forbidden.addSubnet('ff00::', 8, 'ipv6');
forbidden.addAddress('fd00:ec2::254', 'ipv6');

const local = new BlockList();
local.addSubnet('127.0.0.0', 8, 'ipv4');
local.addSubnet('10.0.0.0', 8, 'ipv4');
local.addSubnet('172.16.0.0', 12, 'ipv4');
local.addSubnet('192.168.0.0', 16, 'ipv4');
local.addSubnet('100.64.0.0', 10, 'ipv4');
local.addAddress('::1', 'ipv6');
local.addSubnet('fc00::', 7, 'ipv6');

/** `::ffff:169.254.169.254` is 169.254.169.254 in disguise. */
function normalized(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export type AddressClass = 'forbidden' | 'local' | 'public';

export function classifyAddress(address: string): AddressClass {
  const { address: a, family } = normalized(address);
  if (forbidden.check(a, family)) return 'forbidden';
  if (local.check(a, family)) return 'local';
  return 'public';
}

/** Why an address may not be the target of a request over `protocol`, or undefined if it may. */
export function refusalFor(address: string, protocol: string, policy: TargetPolicy): string | undefined {
  const kind = classifyAddress(address);
  if (kind === 'forbidden' && !policy.allowLinkLocal) return 'address_forbidden';
  if (protocol === 'http:' && kind === 'public') return 'https_required';
  return undefined;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function resolveAll(host: string): Promise<LookupAddress[]> {
  if (isIP(host)) return Promise.resolve([{ address: host, family: isIP(host) }]);
  return new Promise((resolve, reject) => dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));
}

/**
 * Checks a URL before it is registered. Every address the name resolves to must pass, so a name
 * with one harmless and one internal address is refused. The same check runs again when
 * connecting (see `guardedLookup`), as a name may resolve elsewhere later.
 */
export async function urlRefusal(raw: string, policy: TargetPolicy): Promise<string | undefined> {
  if (!URL.canParse(raw)) return 'invalid_url';
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid_url';
  // Credentials in the URL would end up wherever URLs are shown or logged.
  if (url.username || url.password) return 'credentials_in_url';
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(hostOf(url));
  } catch {
    return 'unresolvable';
  }
  for (const { address } of addresses) {
    const refusal = refusalFor(address, url.protocol, policy);
    if (refusal) return refusal;
  }
  return undefined;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses to connect to an address the policy forbids. */
export function guardedLookup(protocol: string, policy: TargetPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.map((a) => refusalFor(a.address, protocol, policy)).find(Boolean);
      if (refused) return callback(Object.assign(new Error(`webhook target refused: ${refused}`), { code: 'EWEBHOOKTARGET' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** The check for a literal IP in the URL, which http.request connects to without a lookup. */
export function literalRefusal(url: URL, policy: TargetPolicy): string | undefined {
  const host = hostOf(url);
  return isIP(host) ? refusalFor(host, url.protocol, policy) : undefined;
}
