package io.inkstone.governance;

/** Which statement-of-reasons field of a decision form is too long. */
final class DecisionWording {

	private DecisionWording() {
	}

	/**
	 * {@code sorZh} or {@code sorEn}: the one over the limit (Chinese when neither is).
	 */
	static String tooLong(String sorZh, String sorEn) {
		return StatementTemplates.clean(sorEn).map(String::length).orElse(0) > StatementTemplates.MAX_LENGTH
				&& StatementTemplates.clean(sorZh).map(String::length).orElse(0) <= StatementTemplates.MAX_LENGTH
						? "sorEn" : "sorZh";
	}

}
