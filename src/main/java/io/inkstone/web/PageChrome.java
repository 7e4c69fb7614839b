package io.inkstone.web;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The page chrome, supplied to every page instead of by each controller: {@code ui} (the
 * {@link Ui}: language, reader mode, account, CSRF token, footer) and {@code nav} (the
 * {@link ChannelStrip}). Root templates declare {@code @param Ui ui} and, if they show
 * the strip, {@code @param ChannelStrip nav}, and hand both to the layout.
 * <p>
 * The {@code Ui} is built when the page renders, as controllers built it at their end
 * before: what the handler changed (a site name saved) shows, and a redirect or a JSON
 * answer builds none. The strip asks its source only when a template shows it. An
 * exception handler's model gets none of this: {@link ErrorPages} adds its {@code Ui}
 * itself (error pages show no channels). Anonymous pages are shared by every reader
 * ({@link SharedPage}), so their {@code Ui} carries no token and no account, as before.
 */
@ControllerAdvice
public class PageChrome {

	/** The model attribute (and template parameter) holding the {@link Ui}. */
	public static final String UI = "ui";

	/** The model attribute (and template parameter) holding the {@link ChannelStrip}. */
	public static final String NAV = "nav";

	private final UiFactory ui;

	private final ObjectProvider<ChannelStrip.Source> channels;

	PageChrome(UiFactory ui, ObjectProvider<ChannelStrip.Source> channels) {
		this.ui = ui;
		this.channels = channels;
	}

	@ModelAttribute
	void chrome(Model model, HttpServletRequest request) {
		model.addAttribute(UI, new AtRender(() -> ui.of(request)));
		model.addAttribute(NAV, strip());
	}

	/** A strip that asks for its channels when first shown. */
	ChannelStrip strip() {
		return new ChannelStrip(() -> {
			ChannelStrip.Source source = channels.getIfAvailable();
			return source == null ? List.<ChannelStrip.Link>of() : source.links();
		});
	}

	/**
	 * A model value computed when the view renders (see {@link Utf8JteViewResolver}),
	 * after the handler has run.
	 */
	record AtRender(Supplier<Object> value) {

		Object get() {
			return value.get();
		}

	}

}
