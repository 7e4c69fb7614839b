package io.inkstone.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the reader wants pages: two independent settings, 关怀版 (elder mode: large type,
 * simple pages) and 无障碍 (accessibility: toolbar, strong focus, underlined links), which
 * combine (a low-vision elderly reader wants both). One cookie holds both
 * ({@code standard}, {@code care}, {@code a11y} or {@code care-a11y}), so the shared-page
 * cache keys (the page store and ops/nginx-cluster.conf) need no second cookie.
 */
public enum ReaderMode {

	STANDARD("standard", false, false), CARE("care", true, false), A11Y("a11y", false, true),
	CARE_A11Y("care-a11y", true, true);

	public static final String COOKIE = "ink_mode";

	/** Every value the mode cookie may hold. */
	public static final Set<String> VALUES = Arrays.stream(values())
		.map(ReaderMode::value)
		.collect(Collectors.toUnmodifiableSet());

	private final String value;

	private final boolean care;

	private final boolean a11y;

	ReaderMode(String value, boolean care, boolean a11y) {
		this.value = value;
		this.care = care;
		this.a11y = a11y;
	}

	public String value() {
		return value;
	}

	public boolean care() {
		return care;
	}

	public boolean a11y() {
		return a11y;
	}

	/** The mode with 关怀版 turned on or off, 无障碍 as it was. */
	public ReaderMode withCare(boolean on) {
		return of(on, a11y);
	}

	/** The mode with 无障碍 turned on or off, 关怀版 as it was. */
	public ReaderMode withA11y(boolean on) {
		return of(care, on);
	}

	public static ReaderMode of(boolean care, boolean a11y) {
		return care ? (a11y ? CARE_A11Y : CARE) : (a11y ? A11Y : STANDARD);
	}

	/**
	 * The body classes: {@code mode-standard}, or {@code mode-care} and/or
	 * {@code mode-a11y}.
	 */
	public String cssClasses() {
		return this == STANDARD ? "mode-standard" : ((care ? "mode-care " : "") + (a11y ? "mode-a11y" : "")).strip();
	}

	public static Optional<ReaderMode> parse(String value) {
		return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
	}

}
