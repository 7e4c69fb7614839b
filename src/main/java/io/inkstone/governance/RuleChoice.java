package io.inkstone.governance;

import java.util.List;

import io.inkstone.rules.Rules;
import io.inkstone.shared.BadRequestException;

import org.springframework.stereotype.Component;

/**
 * The rule a decision applies is one of the 平台公约's numbered articles, as the form's
 * picker ({@code components/ruleField}) offers them: a typed-in text is refused, so what
 * the affected person reads is a rule that exists. A 公约 without numbered articles (the
 * picker is then a text field) accepts any text within the length limit.
 */
@Component
class RuleChoice {

	private final Rules rules;

	RuleChoice(Rules rules) {
		this.rules = rules;
	}

	/**
	 * Checks a stripped, non-blank rule; a blank one is for the caller to require or not.
	 */
	void check(String rule) {
		if (rule == null || rule.isBlank()) {
			return;
		}
		List<String> articles = rules.communityArticles();
		if (!articles.isEmpty() && !articles.contains(rule.strip())) {
			throw new BadRequestException("problem.governance.ruleNotInCommunityRules");
		}
	}

}
