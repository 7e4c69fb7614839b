package io.inkstone.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.function.BinaryOperator;

/**
 * The audit log page: one page of entries, the action filter, the next page's cursor, and
 * the names of the objects entries are about (an article's title) where known.
 */
public record AuditPage(List<AuditEntry> entries, String action, String next, Map<String, String> names) {

	/** Where codes in a reason or details column are explained, first match wins. */
	private static final List<String> CODE_LABELS = List.of("audit.what.", "finding.", "review.reason.",
			"report.reason.", "moderation.action.");

	public String name(AuditEntry e) {
		return names.get(e.targetType() + ":" + e.targetId());
	}

	/**
	 * A stored reason or detail in words ({@code labels}: prefix and code to the bundle's
	 * text, or the code when there is none): each code in it (a finding kind, a reason
	 * code; several are separated by commas or spaces) as staff read it, other words as
	 * they are.
	 */
	public String words(BinaryOperator<String> labels, String text) {
		if (text == null) {
			return "";
		}
		List<String> out = new ArrayList<>();
		for (String token : text.split("(?<=[,\\s])|(?=[,\\s])")) {
			out.add(token.matches("[a-z][a-z0-9.-]*") ? label(labels, token) : token.equals(",") ? "、" : token);
		}
		return String.join("", out);
	}

	private static String label(BinaryOperator<String> labels, String code) {
		for (String prefix : CODE_LABELS) {
			String label = labels.apply(prefix, code);
			if (!label.equals(code)) {
				return label;
			}
		}
		return code;
	}

}
