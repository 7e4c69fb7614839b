package io.inkstone.articles;

import java.util.List;

/**
 * What the machine review found in an article on its way to the public, and whether that
 * holds it for a human reviewer. A decision is pure data: the lifecycle decides with it,
 * then hands it back to the gate that made it to be stored
 * ({@link PublishingGate#recordReview}) only if the article really moved.
 */
public record ReviewDecision(boolean hold, List<Finding> findings) {

	public static final ReviewDecision PASS = new ReviewDecision(false, List.of());

	public ReviewDecision {
		findings = List.copyOf(findings);
	}

	/**
	 * One thing the review found: its kind ({@code finding.<kind>} message key), a
	 * detail, a matched article.
	 */
	public record Finding(String kind, String detail, Long matchedId) {
	}

	public List<String> kinds() {
		return findings.stream().map(Finding::kind).toList();
	}

}
