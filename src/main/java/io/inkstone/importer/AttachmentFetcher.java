package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import io.inkstone.shared.PublicAddresses;

import org.springframework.stereotype.Component;
import java.net.URISyntaxException;

/**
 * Fetches an imported site's image from its URL: http and https only, no user info, every
 * host of every hop (at most {@value #MAX_REDIRECTS} redirects, each checked again)
 * resolving to public addresses only unless
 * {@code inkstone.importer.allow-private-targets} (the webhooks' SSRF rule,
 * {@link PublicAddresses}), a time limit per request and a size limit read as the bytes
 * arrive. What the bytes are is decided by the media pipeline, not by the server's
 * Content-Type.
 */
@Component
class AttachmentFetcher {

	static final int MAX_REDIRECTS = 3;

	private final ImporterProperties properties;

	private final HttpClient client;

	AttachmentFetcher(ImporterProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.fetchTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	boolean enabled() {
		return properties.fetchAttachments();
	}

	/** Why a fetch was refused or failed, said in the import summary. */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message);
		}

	}

	byte[] fetch(String url) throws Refused {
		String current = url;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			URI uri = check(current);
			HttpResponse<InputStream> response;
			try {
				response = client.send(HttpRequest.newBuilder(uri)
					.timeout(properties.fetchTimeout())
					.header("User-Agent", "Inkstone-Import/1.0")
					.header("Accept", "image/*")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (IOException ex) {
				throw new Refused("fetching it failed (" + ex.getClass().getSimpleName() + ")");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Refused("fetching it was interrupted");
			}
			int status = response.statusCode();
			if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
				close(response);
				current = uri.resolve(response.headers().firstValue("Location").get()).toString();
				continue;
			}
			if (status != 200) {
				close(response);
				throw new Refused("fetching it answered HTTP " + status);
			}
			long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
			if (declared > properties.fetchMaxBytes()) {
				close(response);
				throw new Refused("larger than " + properties.fetchMaxBytes() + " bytes");
			}
			try (InputStream in = response.body()) {
				byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.fetchMaxBytes() + 1));
				if (bytes.length > properties.fetchMaxBytes()) {
					throw new Refused("larger than " + properties.fetchMaxBytes() + " bytes");
				}
				return bytes;
			}
			catch (IOException ex) {
				throw new Refused("fetching it failed (" + ex.getClass().getSimpleName() + ")");
			}
		}
		throw new Refused("more than " + MAX_REDIRECTS + " redirects");
	}

	/**
	 * The URL if it may be fetched: http(s), a host, no user info, public addresses
	 * (unless allowed).
	 */
	URI check(String url) throws Refused {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new Refused("not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
			throw new Refused("only http and https URLs are fetched");
		}
		if (!properties.allowPrivateTargets()) {
			try {
				for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
					if (!PublicAddresses.isPublic(address)) {
						throw new Refused("its host is not a public address (not fetched)");
					}
				}
			}
			catch (UnknownHostException ex) {
				throw new Refused("its host is unknown");
			}
		}
		return uri;
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// nothing to do
		}
	}

}
