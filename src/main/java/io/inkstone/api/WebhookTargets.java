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

	/**
	 * Characters browsers accept in a path, query or fragment and send percent-encoded
	 * ({@code ?ids[]=1}), which {@link URI} refuses as they stand.
	 */
	private static final String ENCODED_BY_BROWSERS = "[]{}|^`";

	/**
	 * The URL as it will be stored and called: after the host, the characters a browser
	 * would percent-encode are; an existing percent-encoding ({@code %3C}) is kept as it
	 * is. Anything else is left for {@link #refusal} to judge.
	 */
	static String normalized(String url) {
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return url;
		}
		int from = scheme + 3;
		int rest = from;
		while (rest < url.length() && "/?#".indexOf(url.charAt(rest)) < 0) {
			rest++;
		}
		StringBuilder out = new StringBuilder(url.length() + 16).append(url, 0, rest);
		for (int i = rest; i < url.length(); i++) {
			char c = url.charAt(i);
			if (ENCODED_BY_BROWSERS.indexOf(c) >= 0) {
				out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
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
