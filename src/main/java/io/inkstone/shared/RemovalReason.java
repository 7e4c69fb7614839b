package io.inkstone.shared;

import java.util.Map;
import java.util.Optional;

/**
 * Why the platform took an article down, as stored with the article: the reason's message
 * key (a report or review reason), the decision's reference, and the item of the 平台公约
 * that the reason falls under. Stored as one line so the article keeps one column, and
 * rendered in the reader's language ({@code Ui.removalReason}) instead of a Chinese label
 * or a raw code. Reasons stored before this format are shown as they are.
 */
public record RemovalReason(String reasonKey, String ref, Integer ruleItem) {

	private static final String PREFIX = "@takedown|";

	/**
	 * The 平台公约's numbered items ("一、禁止发布的内容"), by reason code: reports' and reviews'
	 * codes alike.
	 */
	private static final Map<String, Integer> RULE_ITEMS = Map.ofEntries(Map.entry("rumour", 1),
			Map.entry("infringement", 2), Map.entry("plagiarism", 2), Map.entry("unattributed", 2),
			Map.entry("false-original", 3), Map.entry("unlabeled-ai", 4), Map.entry("undeclared-ai", 4),
			Map.entry("porn", 5), Map.entry("violence", 5), Map.entry("fraud", 5), Map.entry("personal-info", 6),
			Map.entry("sensitive", 7), Map.entry("spam", 7), Map.entry("other", 7));

	/**
	 * The stored form of a take-down for a reason code of a report ({@code report}) or a
	 * review ({@code review}).
	 */
	public static String stored(String source, String code, String ref) {
		return PREFIX + source + ".reason." + code + "|" + (ref == null ? "" : ref);
	}

	/** The stored text read back; empty for a reason stored as plain text. */
	public static Optional<RemovalReason> parse(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] parts = stored.substring(PREFIX.length()).split("\\|", -1);
		if (parts.length != 2 || !parts[0].matches("(report|review)\\.reason\\.[a-z-]+")) {
			return Optional.empty();
		}
		String code = parts[0].substring(parts[0].lastIndexOf('.') + 1);
		return Optional.of(new RemovalReason(parts[0], parts[1], RULE_ITEMS.get(code)));
	}

}
