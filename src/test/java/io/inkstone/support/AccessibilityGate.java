package io.inkstone.support;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accessibility gate: axe-core (Deque's engine, run inside the page) checks the page
 * in the browser against WCAG 2.1 A and AA; any violation fails the test with the rule,
 * its impact, the help page and the elements.
 */
public final class AccessibilityGate {

	private static final List<String> STANDARDS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private AccessibilityGate() {
	}

	public static void check(WebDriver driver, String page) {
		Results results = new AxeBuilder().withTags(STANDARDS).analyze(driver);
		assertThat(results.isErrored()).as("axe-core ran on %s: %s", page, results.getErrorMessage()).isFalse();
		assertThat(results.getViolations())
			.as("WCAG 2.1 AA violations on %s:%n%s", page, describe(results.getViolations()))
			.isEmpty();
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " "
					+ rule.getHelpUrl() + "\n    "
					+ rule.getNodes()
						.stream()
						.limit(5)
						.map(node -> String.valueOf(node.getTarget()) + " " + abbreviate(node.getHtml()))
						.collect(Collectors.joining("\n    ")))
			.collect(Collectors.joining("\n"));
	}

	private static String abbreviate(String html) {
		return html == null || html.length() <= 160 ? html : html.substring(0, 160) + "…";
	}

}
