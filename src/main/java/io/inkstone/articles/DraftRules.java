package io.inkstone.articles;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import io.inkstone.channels.Channels;

/**
 * The rules an article's fields must meet, whichever door it comes through (the studio's
 * editor, the REST API): one place, so the two cannot drift apart. Errors are field name
 * → message key.
 */
public final class DraftRules {

	public static final int MAX_TITLE = 100;

	public static final int MAX_BODY = 100_000;

	public static final int MAX_SOURCE = 300;

	/**
	 * Checks the length rules {@link EditorForm} declares, for callers that do not bind
	 * it with {@code @Valid}.
	 */
	private static final Validator VALIDATOR;

	static {
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			VALIDATOR = factory.getValidator();
		}
	}

	/**
	 * New drafts a creator may start per hour: far above writing by hand, a stop for
	 * scripts filling the database.
	 */
	public static final int NEW_DRAFTS_PER_HOUR = 60;

	private DraftRules() {
	}

	/**
	 * The rate-limit bucket for new drafts of a creator, shared by the studio and the
	 * API.
	 */
	public static String newDraftBucket(long creatorId) {
		return "new-draft:" + creatorId;
	}

	/**
	 * Field errors (field → message key) of an article as submitted; empty when it may be
	 * saved.
	 */
	public static Map<String, String> validate(EditorForm form, Channels channels) {
		Map<String, String> errors = new TreeMap<>();
		String title = form.title().strip();
		if (title.isEmpty() || title.codePointCount(0, title.length()) > MAX_TITLE) {
			errors.put("title", "studio.error.title");
		}
		if (form.body().isBlank()) { // its length: EditorForm
			errors.put("body", "studio.error.body");
		}
		if (channels.find(form.channel()).isEmpty()) {
			errors.put("channel", "studio.error.channel");
		}
		if (Aigc.parse(form.aigc()).isEmpty()) {
			errors.put("aigc", "studio.error.aigc");
		}
		if (!form.original() && form.source().isBlank()) {
			errors.put("source", "studio.error.source");
		}
		if (form.summary().strip().length() > 200) {
			errors.put("summary", "studio.error.summary");
		}
		if (form.correction().strip().length() > 500) {
			errors.put("correction", "studio.error.correction");
		}
		for (ConstraintViolation<EditorForm> violation : VALIDATOR.validate(form)) {
			errors.put(violation.getPropertyPath().toString(), violation.getMessage()); // the
																						// message
																						// is
																						// a
																						// bundle
																						// key
		}
		List<String> tags = Arrays.stream(form.tags().split("[,，]"))
			.map(String::strip)
			.filter(t -> !t.isEmpty())
			.toList();
		if (tags.size() > 5 || tags.stream().anyMatch(t -> t.length() > 20)) {
			errors.put("tags", "studio.error.tags");
		}
		Map<String, String> texts = Map.of("title", form.title(), "body", form.body(), "summary", form.summary(),
				"tags", form.tags(), "source", form.source(), "correction", form.correction(), "cover", form.cover());
		texts.forEach((field, text) -> {
			if (hasForbiddenCharacters(text)) {
				errors.put(field, "studio.error.controlCharacters");
			}
		});
		return errors;
	}

	/**
	 * Whether {@code text} holds characters no article text may: C0 controls other than
	 * tab, line feed and carriage return (NUL among them), DEL, the non-characters U+FFFE
	 * and U+FFFF, and lone surrogates.
	 */
	public static boolean hasForbiddenCharacters(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == '\uFFFE' || c == '\uFFFF') {
				return true;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The validated form as the draft the article service stores (call only when
	 * {@link #validate} found nothing).
	 */
	public static Draft toDraft(EditorForm form, Channels channels) {
		return new Draft(form.title().strip(), form.body(), channels.get(form.channel()).id(),
				normalizeTags(form.tags()), form.original(), Aigc.parse(form.aigc()).orElseThrow(),
				form.source().isBlank() ? null : form.source().strip(),
				form.summary().isBlank() ? null : form.summary().strip(),
				form.cover().isBlank() ? null : form.cover().strip());
	}

	/**
	 * Whether {@code at} (epoch millis) is a time a draft may be scheduled for: from now
	 * to a year ahead.
	 */
	public static boolean schedulable(long at, long now) {
		return at > now && at < now + 366L * 24 * 3600 * 1000;
	}

	static String normalizeTags(String tags) {
		return Arrays.stream(tags.split("[,，]"))
			.map(String::strip)
			.filter(t -> !t.isEmpty())
			.distinct()
			.collect(Collectors.joining(","));
	}

}
