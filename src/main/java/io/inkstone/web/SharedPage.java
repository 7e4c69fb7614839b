package io.inkstone.web;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests get the page every anonymous reader of the same language and mode gets:
 * a GET of the home, a channel, an article, a creator or a tag page, without a sign-in
 * cookie and without query parameters other than paging and sorting. Such a page carries
 * no CSRF token, no reader id cookie and no per-reader state, so any cache (this
 * application's page store, nginx, a CDN) may keep it; reader state and live counts come
 * from small requests the page makes (see {@code /articles/{id}/view} and
 * {@code /articles/{id}/live}).
 */
public final class SharedPage {

	public static final String ATTRIBUTE = SharedPage.class.getName();

	/** Cookies that mean "signed in": such requests get their personal page. */
	private static final Set<String> SIGNED_IN_COOKIES = Set.of("JSESSIONID", "SESSION", "remember-me");

	private static final Pattern PATHS = Pattern.compile(
			"/|/articles/[0-9]{1,18}|/channels/[^/]{1,200}|/creators/[^/]{1,200}|/tags/[^/]{1,400}|/hot|/channels/[^/]{1,200}/hot");

	/** The live numbers of a page: the same for everyone, so no cookie either. */
	private static final Pattern LIVE = Pattern.compile("/articles/[0-9]{1,18}/live");

	private static final Pattern PARAMS = Pattern
		.compile("((after=[0-9]{1,19}-[0-9]{1,19}|shared=1|sort=(latest|hot))(&|$))*");

	/**
	 * The actions a shared page offers to anonymous readers (their no-JavaScript path
	 * goes through /confirm).
	 */
	public static final Pattern READER_ACTIONS = Pattern
		.compile("/articles/[0-9]{1,18}/(like|share)|/creators/[^/?#\\\\]{1,200}/(follow|unfollow)");

	private SharedPage() {
	}

	/** True if this request may be answered with the shared page (does not mark it). */
	public static boolean candidate(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String query = request.getQueryString();
		if (query != null && !PARAMS.matcher(query).matches()) {
			return false;
		}
		String uri = request.getRequestURI();
		if (!PATHS.matcher(uri).matches() && !LIVE.matcher(uri).matches()) {
			return false;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (SIGNED_IN_COOKIES.contains(cookie.getName())) {
					return false;
				}
			}
		}
		return !unclearVariant(request);
	}

	/**
	 * Marks the request as answered with the shared page: no token, no cookie, no reader
	 * state.
	 */
	public static void mark(HttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, Boolean.TRUE);
	}

	/**
	 * True for the live numbers of a page (shared, but JSON and not kept by the page
	 * store).
	 */
	public static boolean live(HttpServletRequest request) {
		return LIVE.matcher(request.getRequestURI()).matches();
	}

	public static boolean is(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) != null;
	}

	/** The values of the language cookie the application writes and caches share. */
	public static final Set<String> LANGUAGES = Set.of("zh-CN", "zh", "en");

	/** The language cookie's name. */
	public static final String LANGUAGE_COOKIE = "ink_lang";

	/**
	 * The value of a cookie that selects the page's variant (language, mode), read from
	 * the raw {@code Cookie} header(s) by exact name and exact value, as
	 * ops/nginx-cluster.conf keys its cache: "" when the header never mentions the name
	 * (any case), the value when it holds exactly one {@code name=value} pair with a
	 * value from {@code known} and mentions the name nowhere else, and null otherwise
	 * (unclear: the page is then the default variant and not shared). Not the servlet
	 * container's cookie parser, whose reading of {@code ink_mode =care} or
	 * {@code ink_mode=care,x} differs between containers and from nginx's.
	 */
	public static String variant(HttpServletRequest request, String name, Set<String> known) {
		String header = cookieHeader(request);
		String lower = header.toLowerCase(Locale.ROOT);
		String needle = name.toLowerCase(Locale.ROOT);
		int first = lower.indexOf(needle);
		if (first < 0) {
			return "";
		}
		if (lower.indexOf(needle, first + 1) >= 0) {
			return null;
		}
		Matcher pair = Pattern.compile("(?:^|;\\s*)" + Pattern.quote(name) + "=([^;]*)(?:;|$)").matcher(header);
		return pair.find() && known.contains(pair.group(1)) ? pair.group(1) : null;
	}

	/** The reader mode, read as {@link #variant} reads it; standard when unclear. */
	public static ReaderMode mode(HttpServletRequest request) {
		String value = variant(request, ReaderMode.COOKIE, ReaderMode.VALUES);
		return value == null ? ReaderMode.STANDARD : ReaderMode.parse(value).orElse(ReaderMode.STANDARD);
	}

	/**
	 * True when the mode or language cookie is there but not exactly one known value: the
	 * response is the default variant, must not be shared and no cache may keep it
	 * (another reader's key would get it).
	 */
	public static boolean unclearVariant(HttpServletRequest request) {
		return variant(request, ReaderMode.COOKIE, ReaderMode.VALUES) == null
				|| variant(request, LANGUAGE_COOKIE, LANGUAGES) == null;
	}

	private static String cookieHeader(HttpServletRequest request) {
		var headers = request.getHeaders("Cookie");
		return headers == null ? "" : String.join("; ", Collections.list(headers));
	}

}
