package io.inkstone.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may call: http(s) with a host, and — unless private targets are allowed — a host whose
 * every address is public (not loopback, private, link-local, unique-local, multicast, CGNAT or unspecified), so
 * a webhook cannot be pointed at the server's own network (SSRF). Checked at registration and before each delivery.
 */
final class WebhookTargets {

	private WebhookTargets() {
	}

	/** Null when the URL is acceptable, else the message key saying why not. */
	static String refusal(String url, boolean allowPrivate) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "webhooks.error.url";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
				|| url.length() > 500) {
			return "webhooks.error.url";
		}
		if (allowPrivate) {
			return null;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (!isPublic(address)) {
					return "webhooks.error.private";
				}
			}
		}
		catch (UnknownHostException ex) {
			return "webhooks.error.host";
		}
		return null;
	}

	static boolean isPublic(InetAddress address) {
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
					return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return true;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return !(first == 0 || (first == 100 && second >= 64 && second <= 127) // 0/8, 100.64/10 (CGNAT)
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 224 // 192.0.0/24, multicast, reserved
				|| (first == 198 && (second == 18 || second == 19))); // benchmarking 198.18/15
	}

}
