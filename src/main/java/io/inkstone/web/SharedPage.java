package io.inkstone.web;

import java.util.Set;
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
		return true;
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

	/**
	 * The cookie value that selects the page's variant (language, mode), or "" when
	 * absent.
	 */
	public static String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (name.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return "";
	}

}
