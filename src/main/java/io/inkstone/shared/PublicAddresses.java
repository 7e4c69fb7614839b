package io.inkstone.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses the server may call on someone's behalf (webhooks, fetching an imported
 * site's images): public ones only — not loopback, private, link-local, unique-local,
 * multicast, CGNAT, benchmarking, reserved or unspecified, nor an IPv6 address that
 * carries such an IPv4 address (mapped, NAT64, 6to4) or hides one (Teredo) — so nobody
 * can point the server at its own network (SSRF).
 */
public final class PublicAddresses {

	private PublicAddresses() {
	}

	/** Whether the IPv4 address at {@code from} in an IPv6 address is public. */
	private static boolean embeddedPublic(byte[] b, int from) {
		try {
			return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4)));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	public static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return false; // fc00::/7 unique local
			}
			boolean zeros = true;
			for (int i = 0; i < 10; i++) {
				zeros &= b[i] == 0;
			}
			if (zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
				return embeddedPublic(b, 12); // ::ffff:0:0/96 IPv4-mapped
			}
			if (zeros && b[10] == 0 && b[11] == 0) {
				return false; // ::/96 IPv4-compatible (deprecated), with :: and ::1
			}
			int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
			int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
			if (first16 == 0x64 && second16 == 0xff9b) {
				boolean wellKnown = true;
				for (int i = 4; i < 12; i++) {
					wellKnown &= b[i] == 0;
				}
				// 64:ff9b::/96 NAT64 reaches the IPv4 address it embeds; 64:ff9b:1::/48
				// is for local use
				return wellKnown && embeddedPublic(b, 12);
			}
			if (first16 == 0x2002) {
				return embeddedPublic(b, 2); // 2002::/16 6to4 reaches its IPv4 address
			}
			// 2001::/32 Teredo tunnels to an address it hides
			return !(first16 == 0x2001 && second16 == 0);
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return !(first == 0 || (first == 100 && second >= 64 && second <= 127) // 0/8,
																				// 100.64/10
																				// (CGNAT)
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 224 // 192.0.0/24,
																						// multicast,
																						// reserved
				|| (first == 198 && (second == 18 || second == 19))); // benchmarking
																		// 198.18/15
	}

}
