package io.inkstone.web;

import java.util.Arrays;
import java.util.Optional;

/** How the reader wants pages: standard, 关怀版 (elder mode) or 无障碍 (accessibility). */
public enum ReaderMode {

	STANDARD("standard"), CARE("care"), A11Y("a11y");

	public static final String COOKIE = "ink_mode";

	private final String value;

	ReaderMode(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	public static Optional<ReaderMode> parse(String value) {
		return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
	}

}
