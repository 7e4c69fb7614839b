package io.inkstone.discovery;

import java.io.IOException;
import java.io.Reader;

import com.hankcs.hanlp.HanLP;

import org.apache.lucene.analysis.CharFilter;

/**
 * Folds characters one for one before segmentation, so a search matches whatever form the
 * text or the query uses: full-width ASCII to half-width (ＡＢＣ１２３ → ABC123), the
 * ideographic space to a space, and traditional to simplified Chinese (東風 → 东风, HanLP's
 * tables, character by character). Every character maps to exactly one, so offsets stay
 * true and highlighting marks the original text.
 */
final class FoldingCharFilter extends CharFilter {

	/** Memoised traditional→simplified mapping of the BMP; 0 = not looked up yet. */
	private static final char[] SIMPLIFIED = new char[65536];

	FoldingCharFilter(Reader input) {
		super(input);
	}

	static char fold(char c) {
		if (c >= '\uFF01' && c <= '\uFF5E') {
			return (char) (c - 0xFEE0);
		}
		if (c == '\u3000') {
			return ' ';
		}
		if (c < '\u3400' || Character.isSurrogate(c)) {
			return c;
		}
		char known = SIMPLIFIED[c];
		if (known == 0) {
			String converted = HanLP.convertToSimplifiedChinese(String.valueOf(c));
			known = converted.length() == 1 ? converted.charAt(0) : c;
			SIMPLIFIED[c] = known; // benign race: every thread writes the same value
		}
		return known;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int read = input.read(buffer, offset, length);
		for (int i = offset; i < offset + Math.max(read, 0); i++) {
			buffer[i] = fold(buffer[i]);
		}
		return read;
	}

	@Override
	protected int correct(int currentOffset) {
		return currentOffset;
	}

}
