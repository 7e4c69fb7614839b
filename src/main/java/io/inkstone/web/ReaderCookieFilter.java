package io.inkstone.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.inkstone.shared.ReaderKey;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each browser a random, anonymous reader id (no personal data) so reads and shares
 * are counted once per reader, and follows work before accounts exist. The id is minted
 * and signed here (HMAC with a server secret): a cookie the client made up or altered is
 * ignored and replaced, so a client cannot choose reader ids. Ids it may still get by
 * dropping cookies are capped per address by the engagement limits.
 */
@Component
class ReaderCookieFilter extends OncePerRequestFilter {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SECRET = "reader-id";

	private final ServerSecrets secrets;

	ReaderCookieFilter(ServerSecrets secrets) {
		this.secrets = secrets;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SharedPage.unclearVariant(request)) {
			// a mode or language cookie that no cache keys exactly: the default variant,
			// kept by no cache (nginx or a CDN would store it under another reader's key)
			response = new NotStored(response);
		}
		if (SharedPage.is(request)) {
			chain.doFilter(request, response); // the same page for everyone: no reader
												// id, no cookie
			return;
		}
		String valid = signedReaderId(request);
		if (valid != null) {
			request.setAttribute(ReaderKey.REQUEST_ATTRIBUTE, valid);
		}
		else if (!ReaderKey.isBot(request)) {
			String id = HexFormat.of().toHexDigits(RANDOM.nextLong());
			request.setAttribute(ReaderKey.REQUEST_ATTRIBUTE, id);
			ResponseCookie cookie = ResponseCookie.from(ReaderKey.COOKIE, id + '.' + signature(id))
				.path("/")
				.maxAge(Duration.ofDays(365))
				.httpOnly(true)
				.sameSite("Lax")
				.secure(request.isSecure())
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
		}
		chain.doFilter(request, response);
	}

	/** The reader id of a cookie this server signed, or null. */
	private String signedReaderId(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (var cookie : request.getCookies()) {
			String value = cookie.getValue();
			if (ReaderKey.COOKIE.equals(cookie.getName()) && value.length() == 16 + 1 + 22 && value.charAt(16) == '.') {
				String id = value.substring(0, 16);
				byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
				if (id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
						&& MessageDigest.isEqual(expected, value.substring(17).getBytes(StandardCharsets.US_ASCII))) {
					return id;
				}
			}
		}
		return null;
	}

	/** 128 bits of HMAC-SHA256 over the id, base64url without padding (22 characters). */
	private String signature(String id) {
		byte[] full = macs.get().doFinal(("reader:" + id).getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
	}

	/**
	 * One initialised Mac per thread: building one per request was measurable on the
	 * article page.
	 */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secrets.get(SECRET), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/** A response whose Cache-Control stays {@code private, no-store}. */
	private static final class NotStored extends HttpServletResponseWrapper {

		NotStored(HttpServletResponse response) {
			super(response);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		}

		@Override
		public void setHeader(String name, String value) {
			if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
				super.addHeader(name, value);
			}
		}

	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/actuator")
				|| path.startsWith("/favicon");
	}

}
