package io.inkstone.governance;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a reviewer decides on a report. Which decisions fit depends on what was reported.
 */
public enum Decision {

	NO_ACTION("no-action"), LABEL("label"), HIDE_COMMENT("hide-comment"), TAKE_DOWN("take-down"),
	RESTRICT_CREATOR("restrict-creator");

	private final String code;

	Decision(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<Decision> parse(String code) {
		return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
	}

	boolean fits(String targetType) {
		return switch (this) {
			case NO_ACTION, RESTRICT_CREATOR -> true;
			case HIDE_COMMENT -> "comment".equals(targetType);
			case TAKE_DOWN, LABEL -> "article".equals(targetType);
		};
	}

}
