package io.inkstone.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Inkstone's error page for the requests Jetty refuses before the application sees them:
 * a malformed request line or URI ({@code GET /%}), a request line too long (414),
 * headers too large (431), an ambiguous path ({@code /a/..;/b}, {@code %2F} in a
 * segment). Jetty's own page names Jetty and echoes what was sent; this one is the same
 * plain page as the application's 400 and 404 pages (the same message keys, the same
 * stylesheet), in the reader's language (the language cookie, else Chinese), and says
 * nothing about the request or the server. It runs outside Spring MVC, often for a
 * request that could not even be parsed, so it is static HTML built from the bundles,
 * every text escaped, once per status and language.
 */
final class JettyErrorPages extends ErrorHandler {

	private static final String CONTENT_TYPE = "text/html;charset=utf-8";

	private final MessageSource messages;

	/** At most a few dozen entries: statuses Jetty answers × two languages. */
	private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

	JettyErrorPages(MessageSource messages) {
		this.messages = messages;
		setShowStacks(false);
		setShowCauses(false);
		setShowMessageInTitle(false);
	}

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) {
		if (api(request)) {
			// a script calling the API reads a problem, as from every other API error
			HttpStatus status = HttpStatus.resolve(code);
			String title = status == null ? "Error" : status.getReasonPhrase();
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.write(true, ByteBuffer.wrap(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
					+ code + ",\"detail\":\"" + title + "\"}")
				.getBytes(StandardCharsets.UTF_8)), callback);
			return;
		}
		Locale locale = english(request) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		byte[] page = pages.computeIfAbsent(code + "/" + locale.getLanguage(), key -> render(code, locale));
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
		response.write(true, ByteBuffer.wrap(page), callback);
	}

	/** The API's paths (not its browsable docs): {@link ErrorPages#api} decides. */
	static boolean api(Request request) {
		return request.getHttpURI() != null && ErrorPages.api(request.getHttpURI().getPath());
	}

	/**
	 * Whether the reader chose English ({@code ?lang=en} remembered in the language
	 * cookie, read by exact name as {@code WebConfig} does); any other or no cookie, or
	 * headers that were never parsed, is the default language.
	 */
	static boolean english(Request request) {
		for (String header : request.getHeaders().getValuesList(HttpHeader.COOKIE)) {
			for (String pair : header.split(";")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).strip().equals(SharedPage.LANGUAGE_COOKIE)) {
					return pair.substring(equals + 1).strip().toLowerCase(Locale.ROOT).startsWith("en");
				}
			}
		}
		return false;
	}

	byte[] render(int code, Locale locale) {
		String key = "error." + code;
		String family = "error." + (code >= 500 ? 500 : 400);
		String heading = text(key + ".heading", text(family + ".heading", null, locale), locale);
		String sentence = text(key + ".message", text("error.generic.message", null, locale), locale);
		String status = Integer.toString(code);
		String html = "<!DOCTYPE html>\n<html lang=\"" + (Locale.ENGLISH.equals(locale) ? "en" : "zh-CN") + "\">\n"
				+ "<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + "<title>"
				+ escape(heading) + "</title>\n<link rel=\"stylesheet\" href=\"/css/inkstone.css\">\n</head>\n<body>\n"
				+ "<main id=\"main\" class=\"wrap\">\n<section class=\"error-page\" data-testid=\"error\" data-status=\""
				+ status + "\">\n  <p class=\"error-code\" aria-hidden=\"true\">" + status + "</p>\n  <h1>"
				+ escape(heading) + "</h1>\n  <p>" + escape(sentence) + "</p>\n"
				+ "  <p><a class=\"button button-primary\" href=\"/\">" + escape(text("error.back", "/", locale))
				+ "</a></p>\n</section>\n</main>\n</body>\n</html>\n";
		return html.getBytes(StandardCharsets.UTF_8);
	}

	private String text(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
