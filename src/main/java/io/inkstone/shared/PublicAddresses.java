package io.inkstone.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses the server may call on someone's behalf (webhooks, fetching an imported
 * site's images): public ones only — not loopback, private, link-local, unique-local,
 * multicast, CGNAT, benchmarking, reserved or unspecified — so nobody can point the
 * server at its own network (SSRF).
 */
public final class PublicAddresses {

	private PublicAddresses() {
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
			boolean v4Mapped = true;
			for (int i = 0; i < 10; i++) {
				v4Mapped &= b[i] == 0;
			}
			if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
				try {
					return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return true;
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
