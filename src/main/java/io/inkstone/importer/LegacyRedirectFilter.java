package io.inkstone.importer;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.articles.Articles;
import io.inkstone.shared.GoneException;
import io.inkstone.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Old WordPress addresses answer 301 with the new one: {@code /?p=12},
 * {@code /?page_id=7}, {@code /2024/05/slug/}, {@code /slug/} and old slugs, as recorded
 * by the WXR import. Only GET and HEAD, only paths outside Inkstone's own prefixes and
 * only paths no controller of the site answers (an old post named {@code hot} never takes
 * {@code /hot}); everything else passes through untouched. An old address of an article
 * that is not public (a draft, a private or scheduled post) answers 404 itself, without
 * revealing the article's id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class LegacyRedirectFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LegacyRedirectFilter.class);

	private static final Pattern ARTICLE = Pattern.compile("/articles/(\\d{1,19})");

	private final LegacyPaths paths;

	private final Articles articles;

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	LegacyRedirectFilter(LegacyPaths paths, Articles articles, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.paths = paths;
		this.articles = articles;
		this.mappings = mappings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if ("GET".equals(method) || "HEAD".equals(method)) {
			Optional<String> target = lookup(request);
			if (target.isPresent()) {
				int status = publicStatus(target.get());
				if (status != HttpServletResponse.SC_OK) {
					response.sendError(status);
					return;
				}
				response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
				response.setHeader("Location", target.get());
				response.setHeader("Cache-Control", "public, max-age=86400");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * 200 when the target may be shown to anyone, else the status its page would answer
	 * (404 for a draft or scheduled article, 410 for one taken down).
	 */
	private int publicStatus(String target) {
		Matcher article = ARTICLE.matcher(target);
		if (!article.matches()) {
			return HttpServletResponse.SC_OK;
		}
		try {
			articles.getPublished(Long.parseLong(article.group(1)));
			return HttpServletResponse.SC_OK;
		}
		catch (NotFoundException | NumberFormatException ex) {
			return HttpServletResponse.SC_NOT_FOUND;
		}
		catch (GoneException ex) {
			return HttpServletResponse.SC_GONE;
		}
	}

	private Optional<String> lookup(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (uri.equals("/") || uri.isEmpty() || uri.equals("/index.php")) {
			for (String name : new String[] { "p", "page_id" }) {
				String id = request.getParameter(name);
				if (id != null && id.matches("\\d{1,19}")) {
					return paths.target("?" + name + "=" + id);
				}
			}
			return Optional.empty();
		}
		String path;
		try {
			path = LegacyPaths.normalize(uri);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		Optional<String> target = paths.target(path);
		if (target.isPresent() && answeredBySite(request)) {
			return Optional.empty();
		}
		return target;
	}

	/**
	 * Whether a controller of the site maps this request (asked only for a path the
	 * legacy table knows): the site's own pages always win over an imported address.
	 */
	private boolean answeredBySite(HttpServletRequest request) {
		for (RequestMappingHandlerMapping mapping : mappings) {
			try {
				if (mapping.getHandler(request) != null) {
					return true;
				}
			}
			catch (Exception ex) {
				// a mapping that matches the path but not the request (method, media
				// type) still means the path is the site's own
				log.debug("Handler lookup for {} failed", request.getRequestURI(), ex);
				return true;
			}
		}
		return false;
	}

}
