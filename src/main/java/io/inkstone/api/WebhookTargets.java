package io.inkstone.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import io.inkstone.shared.PublicAddresses;

/**
 * Which URLs a webhook may call: http(s) with a host, and — unless private targets are
 * allowed — a host whose every address is public (not loopback, private, link-local,
 * unique-local, multicast, CGNAT or unspecified), so a webhook cannot be pointed at the
 * server's own network (SSRF). Checked at registration and at each delivery, where the
 * addresses checked are the only ones connected to ({@link PinnedPost}: DNS rebinding).
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
		return refusal(url, allowPrivate, WebhookHosts.SYSTEM);
	}

	static String refusal(String url, boolean allowPrivate, WebhookHosts hosts) {
		try {
			URI uri = parse(url);
			if (!allowPrivate) {
				addresses(uri, allowPrivate, hosts);
			}
			return null;
		}
		catch (Refused ex) {
			return ex.key();
		}
	}

	/** The URL if it has the form of a target: http(s), a host, no user info. */
	static URI parse(String url) throws Refused {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new Refused("webhooks.error.url");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
				|| url.length() > 500) {
			throw new Refused("webhooks.error.url");
		}
		return uri;
	}

	/**
	 * The addresses of the URL's host from one lookup, each public unless private targets
	 * are allowed: the addresses a delivery may connect to, and no others (a second
	 * lookup may answer differently).
	 */
	static List<InetAddress> addresses(URI uri, boolean allowPrivate, WebhookHosts hosts) throws Refused {
		InetAddress[] found;
		try {
			found = hosts.resolve(hostName(uri));
		}
		catch (UnknownHostException ex) {
			throw new Refused("webhooks.error.host");
		}
		if (found == null || found.length == 0) {
			throw new Refused("webhooks.error.host");
		}
		if (!allowPrivate) {
			for (InetAddress address : found) {
				if (!isPublic(address)) {
					throw new Refused("webhooks.error.private");
				}
			}
		}
		return List.of(found);
	}

	/** The URL's host without the brackets of an IPv6 literal. */
	static String hostName(URI uri) {
		String host = uri.getHost();
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/** A URL that is not a webhook target, with the message key saying why. */
	static final class Refused extends Exception {

		private final String key;

		Refused(String key) {
			super(key, null, false, false);
			this.key = key;
		}

		String key() {
			return key;
		}

	}

	static boolean isPublic(InetAddress address) {
		return PublicAddresses.isPublic(address);
	}

}
