package io.inkstone.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The one rule for keying a limit on a client address: an IPv4 address is itself, an IPv6
 * address counts as its /64 (the block one subscriber usually holds, so rotating
 * addresses inside it gains nothing). Every limiter that keys on an address (sign-up,
 * sign-in, reports, counters...) goes through {@link #limitKey(String)}.
 */
public final class ClientAddresses {

	private ClientAddresses() {
	}

	/** The address, or its /64 for IPv6 (as {@code <16 hex digits>::/64}). */
	public static String limitKey(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64"
					: InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) { // a literal address never needs a lookup;
											// anything else is kept as written
			return address;
		}
	}

}
