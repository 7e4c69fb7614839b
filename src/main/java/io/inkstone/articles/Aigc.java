package io.inkstone.articles;

import java.util.Locale;
import java.util.Optional;

/**
 * The creator's AI-generation declaration: none, AI-assisted (AI辅助创作) or AI-generated
 * (内容由AI生成).
 */
public enum Aigc {

	NONE, ASSISTED, GENERATED;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Aigc> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(NONE);
		}
		try {
			return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
