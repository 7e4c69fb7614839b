package io.inkstone.accounts;

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

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.web.ServerSecrets;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): every
 * successful sign-in leaves a long-lived cookie in the browser naming a random device id,
 * signed (HMAC with a server secret) together with the account's e-mail. A browser that
 * presents a valid one for the e-mail it signs in to is the owner's usual browser: a
 * lock-out of the account by guesses from elsewhere does not apply to it (its own wrong
 * guesses are limited per device instead). The e-mail is not in the cookie; a made-up
 * cookie, or one from another account, is ignored.
 */
@Component
class DeviceCookies {

	static final String COOKIE = "inkstone_device";

	static final Duration LIFETIME = Duration.ofDays(365);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ServerSecrets secrets;

	DeviceCookies(ServerSecrets secrets) {
		this.secrets = secrets;
	}

	/** A fresh device cookie for {@code email} (normalised: stripped, lower case). */
	ResponseCookie issue(String email, boolean secure) {
		String device = HexFormat.of().toHexDigits(RANDOM.nextLong());
		return ResponseCookie.from(COOKIE, device + '.' + signature(email, device))
			.path("/")
			.maxAge(LIFETIME)
			.httpOnly(true)
			.sameSite("Lax")
			.secure(secure)
			.build();
	}

	/** The device id of a cookie this server signed for {@code email}, or null. */
	String deviceOf(HttpServletRequest request, String email) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			String value = cookie.getValue();
			if (COOKIE.equals(cookie.getName()) && value != null && value.length() == 16 + 1 + 22
					&& value.charAt(16) == '.') {
				String device = value.substring(0, 16);
				byte[] expected = signature(email, device).getBytes(StandardCharsets.US_ASCII);
				if (device.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
						&& MessageDigest.isEqual(expected, value.substring(17).getBytes(StandardCharsets.US_ASCII))) {
					return device;
				}
			}
		}
		return null;
	}

	/**
	 * 128 bits of HMAC-SHA256 over e-mail and device id, base64url without padding (22
	 * characters).
	 */
	private String signature(String email, String device) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secrets.get("device-cookie"), "HmacSHA256"));
			byte[] full = mac.doFinal(("device:" + device + ':' + email).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
