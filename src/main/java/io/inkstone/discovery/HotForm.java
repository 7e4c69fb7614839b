package io.inkstone.discovery;

/**
 * An intervention in the hot list as an admin posts it: the action ({@code pin},
 * {@code demote}, {@code remove}, or {@code clear} to end one) and the reason, each an
 * empty string when left out. Its rules are {@link HotOverrides}'; {@link #fieldOf} says
 * which field a refusal is about, so the page ties it there.
 */
record HotForm(String action, String reason) {

	static final String CLEAR = "clear";

	HotForm {
		action = action == null ? "" : action;
		reason = reason == null ? "" : reason;
	}

	/** Whether the form ends an intervention rather than starting one. */
	boolean clears() {
		return CLEAR.equals(action);
	}

	/** The field a refusal (its message key) is about, or null when it is about none. */
	String fieldOf(String key) {
		return switch (key) {
			case "problem.discovery.unknownAction" -> "action";
			case "problem.discovery.aReasonIsRequired", "problem.discovery.aReasonIsRequired2" -> "reason";
			default -> null;
		};
	}

}
