package io.inkstone.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import io.inkstone.shared.PublicAddresses;

/**
 * Which URLs a webhook may call: http(s) with a host, and — unless private targets are
 * allowed — a host whose every address is public (not loopback, private, link-local,
 * unique-local, multicast, CGNAT or unspecified), so a webhook cannot be pointed at the
 * server's own network (SSRF). Checked at registration and before each delivery.
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
		return PublicAddresses.isPublic(address);
	}

}
