package io.inkstone.settings;

import java.util.Map;

/**
 * One action's statement-of-reasons template as posted, per language. What a template
 * must be (not blank, at most {@code StatementTemplates.MAX_LENGTH} characters once
 * cleaned) is {@link StatementChanges#check}'s rule, keyed by action and language since
 * the page holds one form per action.
 */
record StatementTemplateForm(String zh, String en) {

	StatementTemplateForm {
		zh = zh == null ? "" : zh;
		en = en == null ? "" : en;
	}

	/** Language → text, as {@link StatementChanges} takes it. */
	Map<String, String> byLanguage() {
		return Map.of("zh", zh, "en", en);
	}

}
