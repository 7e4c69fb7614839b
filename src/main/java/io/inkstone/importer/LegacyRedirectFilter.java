package io.inkstone.importer;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Old WordPress addresses answer 301 with the new one: {@code /?p=12},
 * {@code /?page_id=7}, {@code /2024/05/slug/}, {@code /slug/} and old slugs, as recorded
 * by the WXR import. Only GET and HEAD, only paths outside Inkstone's own prefixes;
 * everything else passes through untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class LegacyRedirectFilter extends OncePerRequestFilter {

	private final LegacyPaths paths;

	LegacyRedirectFilter(LegacyPaths paths) {
		this.paths = paths;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if ("GET".equals(method) || "HEAD".equals(method)) {
			Optional<String> target = lookup(request);
			if (target.isPresent()) {
				response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
				response.setHeader("Location", target.get());
				response.setHeader("Cache-Control", "public, max-age=86400");
				return;
			}
		}
		chain.doFilter(request, response);
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
		return paths.target(path);
	}

}
