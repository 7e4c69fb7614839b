package io.inkstone.similarity;

import java.util.Set;

import org.springframework.web.util.HtmlUtils;

/**
 * Marks the passages two texts share, for the reviewer's side-by-side view: every
 * character that is part of a character bigram (punctuation and spaces ignored,
 * traditional/simplified folded) also present in the other text is inside a
 * {@code <mark>}. The text is HTML-escaped before marks are added.
 */
public final class MatchHighlighter {

	private MatchHighlighter() {
	}

	public static String highlight(String text, String other) {
		Set<Long> otherBigrams = SimHash.bigrams(TextNormalizer.fold(other));
		int[] cps = text.codePoints().toArray();
		// the folded form of each kept character, with its position in the original text
		int[] kept = new int[cps.length];
		int[] folded = new int[cps.length];
		int n = 0;
		for (int i = 0; i < cps.length; i++) {
			String f = TextNormalizer.fold(new String(Character.toChars(cps[i])));
			if (!f.isEmpty()) {
				kept[n] = i;
				folded[n] = f.codePointAt(0);
				n++;
			}
		}
		boolean[] marked = new boolean[cps.length];
		for (int j = 0; j + 1 < n; j++) {
			if (otherBigrams.contains(((long) folded[j] << 21) ^ folded[j + 1])) {
				marked[kept[j]] = true;
				marked[kept[j + 1]] = true;
			}
		}
		StringBuilder out = new StringBuilder();
		boolean open = false;
		for (int i = 0; i < cps.length; i++) {
			if (marked[i] && !open) {
				out.append("<mark>");
				open = true;
			}
			else if (!marked[i] && open && !Character.isWhitespace(cps[i])) {
				out.append("</mark>");
				open = false;
			}
			out.append(HtmlUtils.htmlEscape(new String(Character.toChars(cps[i]))));
		}
		if (open) {
			out.append("</mark>");
		}
		return out.toString();
	}

}
