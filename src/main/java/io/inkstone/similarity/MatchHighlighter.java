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
		return render(cps, marked);
	}

	/**
	 * Marks only the passages {@code text} shares with {@code other} as runs of at least
	 * {@link Passages#MIN_RUN} folded characters — for a partial copy, where the shared
	 * bigrams of two long texts would mark common words everywhere. HTML-escaped as
	 * {@link #highlight}.
	 */
	public static String highlightPassages(String text, String other) {
		int[] cps = text.codePoints().toArray();
		int[] kept = new int[cps.length];
		StringBuilder folded = new StringBuilder();
		int n = 0;
		for (int i = 0; i < cps.length; i++) {
			String f = TextNormalizer.fold(new String(Character.toChars(cps[i])));
			if (!f.isEmpty()) {
				kept[n++] = i;
				folded.appendCodePoint(f.codePointAt(0));
			}
		}
		StringBuilder otherFolded = new StringBuilder();
		other.codePoints().forEach(cp -> {
			String f = TextNormalizer.fold(new String(Character.toChars(cp)));
			if (!f.isEmpty()) {
				otherFolded.appendCodePoint(f.codePointAt(0));
			}
		});
		boolean[] marked = new boolean[cps.length];
		for (Passages.Run run : Passages.compare(folded.toString(), otherFolded.toString()).runs()) {
			for (int j = run.start(); j < run.start() + run.length(); j++) {
				marked[kept[j]] = true;
			}
		}
		// the punctuation inside a passage is part of it
		for (int i = 1; i + 1 < cps.length; i++) {
			if (!marked[i] && marked[i - 1] && TextNormalizer.fold(new String(Character.toChars(cps[i]))).isEmpty()) {
				int next = i + 1;
				while (next < cps.length && TextNormalizer.fold(new String(Character.toChars(cps[next]))).isEmpty()) {
					next++;
				}
				if (next < cps.length && marked[next]) {
					for (int k = i; k < next; k++) {
						marked[k] = true;
					}
				}
			}
		}
		return render(cps, marked);
	}

	private static String render(int[] cps, boolean[] marked) {
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
