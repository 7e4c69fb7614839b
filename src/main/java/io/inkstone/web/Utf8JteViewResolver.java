package io.inkstone.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.AbstractTemplateView;
import org.springframework.web.servlet.view.AbstractTemplateViewResolver;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Renders JTE templates into a buffer and writes the UTF-8 bytes in one call, with a
 * Content-Length. The starter's view streams characters through a PrintWriter, which
 * measured as the largest single cost of the article page (see bench/README.md); this
 * resolver takes precedence over it.
 */
@Component
class Utf8JteViewResolver extends AbstractTemplateViewResolver {

	private final TemplateEngine templates;

	Utf8JteViewResolver(TemplateEngine templates) {
		this.templates = templates;
		setViewClass(Utf8JteView.class);
		setSuffix(".jte");
		setContentType("text/html;charset=UTF-8");
		setOrder(Ordered.HIGHEST_PRECEDENCE);
		setExposeRequestAttributes(false);
	}

	@Override
	protected Class<?> requiredViewClass() {
		return Utf8JteView.class;
	}

	@Override
	protected AbstractUrlBasedView instantiateView() {
		return new Utf8JteView(templates);
	}

	@Override
	protected View loadView(String viewName, Locale locale) throws Exception {
		View view = super.loadView(viewName, locale);
		return view != null && ((Utf8JteView) view).exists() ? view : null;
	}

	static final class Utf8JteView extends AbstractTemplateView {

		private final TemplateEngine templates;

		Utf8JteView(TemplateEngine templates) {
			this.templates = templates;
		}

		boolean exists() {
			return templates.hasTemplate(getUrl());
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			// the page chrome that waits for the render (PageChrome)
			model.replaceAll((name, value) -> value instanceof PageChrome.AtRender later ? later.get() : value);
			StringOutput output = new StringOutput(32 * 1024);
			templates.render(getUrl(), model, output);
			byte[] bytes = output.toString().getBytes(StandardCharsets.UTF_8);
			response.setContentType("text/html;charset=UTF-8");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}

	}

}
