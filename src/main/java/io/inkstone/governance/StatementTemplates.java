package io.inkstone.governance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.inkstone.shared.SiteSettings;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statement-of-reasons templates: one per action that sends a statement and per
 * language ({@code zh}, {@code en}). An admin edits them at
 * {@code /admin/settings/statements}; a template without a stored row is the bundle's
 * {@code moderation.sor.<action>} text. The placeholders are {@code {0}} the reference,
 * {@code {1}} what was decided on, {@code {2}} the reason, {@code {3}} the decider's
 * statement, {@code {4}} the rule and {@code {5}} the appeal link. A decision reads the
 * stored row (not this node's copy, which may be a refresh behind an edit made on another
 * node).
 */
@Component
public class StatementTemplates {

	/** The languages a statement is sent in, in the order it is sent. */
	public static final List<String> LANGUAGES = List.of("zh", "en");

	/** The longest template an admin may store. */
	public static final int MAX_LENGTH = 2000;

	private static final String PREFIX = "moderation.sor.";

	private final SiteSettings settings;

	private final MessageSource messages;

	StatementTemplates(SiteSettings settings, MessageSource messages) {
		this.settings = settings;
		this.messages = messages;
	}

	/** The actions that send a statement of reasons, each with its templates. */
	public static List<ModerationAction> actions() {
		return Arrays.stream(ModerationAction.values()).filter(ModerationAction::needsStatement).toList();
	}

	/** The setting that holds an edited template. */
	public static String settingName(ModerationAction action, String language) {
		return PREFIX + action.code() + "." + language;
	}

	static Locale locale(String language) {
		return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	/** The bundle's text, what a template is until an admin edits it. */
	public String defaultText(ModerationAction action, String language) {
		return messages.getMessage(PREFIX + action.code(), null, locale(language));
	}

	/** The template as this node knows it (for the pages). */
	public String current(ModerationAction action, String language) {
		return settings.value(settingName(action, language)).orElseGet(() -> defaultText(action, language));
	}

	/** Whether an admin has edited the template (as this node knows it). */
	public boolean edited(ModerationAction action, String language) {
		return settings.value(settingName(action, language)).isPresent();
	}

	/** The template as stored now: what a decision uses. */
	String stored(ModerationAction action, String language) {
		return settings.stored(settingName(action, language)).orElseGet(() -> defaultText(action, language));
	}

	/**
	 * The template with its placeholders filled: {@code {n}} becomes {@code args[n]};
	 * anything else, an admin's apostrophes and braces included, stays as written.
	 */
	static String fill(String template, List<String> args) {
		StringBuilder out = new StringBuilder(template.length() + 200);
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}'
					&& Character.isDigit(template.charAt(i + 1))) {
				int n = template.charAt(i + 1) - '0';
				if (n < args.size()) {
					out.append(args.get(n));
					i += 3;
					continue;
				}
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	/**
	 * The statement fields of a decision form whose choices ({@code choice → action}) are
	 * given, with the choice and wording as posted (null when nothing was posted).
	 */
	GovernancePages.Statements fields(Map<String, ModerationAction> choices, String chosen, String zh, String en) {
		Map<String, ModerationDecisions.Wording> byChoice = new LinkedHashMap<>();
		choices.forEach((choice, action) -> {
			if (action.needsStatement()) {
				byChoice.put(choice, new ModerationDecisions.Wording(current(action, "zh"), current(action, "en")));
			}
		});
		return new GovernancePages.Statements(byChoice, chosen, zh, en);
	}

	/** A template's text as posted: trimmed, with Windows line ends made plain. */
	public static Optional<String> clean(String posted) {
		if (posted == null) {
			return Optional.empty();
		}
		String text = posted.replace("\r\n", "\n").strip();
		return text.isEmpty() ? Optional.empty() : Optional.of(text);
	}

}
