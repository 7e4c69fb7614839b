package io.inkstone.shared;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is reading, without an account: the id in the long-lived {@code ink_rid} cookie,
 * which the web layer signs and checks before putting it in a request attribute (never
 * the raw cookie, which the client controls), or, for clients that refuse cookies, a hash
 * of address and user agent. Also recognises obvious bots so their traffic never counts
 * as reads or shares.
 */
public final class ReaderKey {

	public static final String COOKIE = "ink_rid";

	public static final String REQUEST_ATTRIBUTE = ReaderKey.class.getName();

	private static final Pattern BOT = Pattern.compile(
			"bot|spider|crawl|slurp|curl|wget|python-requests|httpclient|okhttp|java/|go-http|libwww|scrapy|wrk|ab/|monitor|preview|fetch",
			Pattern.CASE_INSENSITIVE);

	private ReaderKey() {
	}

	/** A stable key for the reader of this request. */
	public static String of(HttpServletRequest request) {
		Optional<SignedIn> account = SignedIn.current();
		if (account.isPresent()) {
			return "u" + Long.toHexString(account.get().accountId()); // follows belong to
																		// the account, on
																		// any device
		}
		Object assigned = request.getAttribute(REQUEST_ATTRIBUTE);
		if (assigned instanceof String key) {
			return key;
		}
		String ua = String.valueOf(request.getHeader("User-Agent"));
		long h = 1125899906842597L;
		for (char c : (request.getRemoteAddr() + "|" + ua).toCharArray()) {
			h = 31 * h + c;
		}
		return "a" + HexFormat.of().toHexDigits(h).substring(1);
	}

	/**
	 * True for requests that are clearly not a person reading: no user agent, or a known
	 * bot/tool.
	 */
	public static boolean isBot(HttpServletRequest request) {
		String ua = request.getHeader("User-Agent");
		if (ua == null || ua.isBlank()) {
			return true;
		}
		return BOT.matcher(ua.toLowerCase(Locale.ROOT)).find();
	}

}
