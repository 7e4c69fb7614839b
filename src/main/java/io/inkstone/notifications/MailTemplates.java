package io.inkstone.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.TwoLanguages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a mail from its template: {@code src/main/jte/notifications/mail/<notice>.jte},
 * plain text, precompiled by the build (package {@value #PACKAGE}), its words from the
 * message bundles. The template is rendered once per language, Chinese then English (a
 * recipient's language is not known); its first line is the subject, the rest the body.
 * The mail's subject is the subjects joined by " / ", its body the bodies one after the
 * other, a rule between them; a language whose text is the same as the one before adds
 * nothing.
 */
@Component
class MailTemplates {

	static final String PACKAGE = "gg.jte.generated.mail";

	static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	static final String SEPARATOR = TwoLanguages.SEPARATOR;

	/** Longer subjects are cut (mail clients show less anyway). */
	static final int MAX_SUBJECT = 180;

	private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,60}");

	private final MessageSource messages;

	private final TemplateEngine engine;

	/** The site's name as set now (admins change it without restart): {0} of subjects. */
	private final Supplier<String> siteName;

	@Autowired
	MailTemplates(MessageSource messages, SiteSettings site) {
		this(messages, site::siteName);
	}

	MailTemplates(MessageSource messages, Supplier<String> siteName) {
		this.messages = messages;
		this.siteName = siteName;
		this.engine = TemplateEngine.createPrecompiled(null, ContentType.Plain, MailTemplates.class.getClassLoader(),
				PACKAGE);
	}

	/** A mail written out. */
	record Mail(String subject, String text) {
	}

	/** The mail {@code notice} with these template parameters. */
	Mail render(String notice, Map<String, ?> values) {
		if (notice == null || !NAME.matcher(notice).matches()) {
			throw new IllegalArgumentException("no mail template " + notice);
		}
		List<String> subjects = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		for (Locale language : LANGUAGES) {
			Map<String, Object> params = new HashMap<>(values);
			params.put("m", new MailLanguage(messages, language, subjects.isEmpty(), siteName.get()));
			StringOutput out = new StringOutput();
			engine.render(notice + ".jte", params, out);
			String text = out.toString().strip();
			int end = text.indexOf('\n');
			addDistinct(subjects, (end < 0 ? text : text.substring(0, end)).strip());
			addDistinct(bodies, end < 0 ? "" : text.substring(end + 1).strip());
		}
		String subject = String.join(" / ", subjects);
		return new Mail(subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject,
				String.join(SEPARATOR, bodies));
	}

	private static void addDistinct(List<String> parts, String part) {
		if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(part)) {
			parts.add(part);
		}
	}

}
