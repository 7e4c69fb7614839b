package io.inkstone.similarity;

import java.text.Normalizer;
import java.util.Locale;

import com.hankcs.hanlp.HanLP;

/**
 * Folds text to the form machine checks compare: full-width → half-width (NFKC),
 * traditional → simplified (HanLP's conversion tables), lower case, and only letters and
 * digits kept — so "法 * 輪" and "法轮" match, and characters inserted between the characters
 * of a word do not hide it.
 */
public final class TextNormalizer {

	private TextNormalizer() {
	}

	public static String fold(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		String simplified = HanLP.convertToSimplifiedChinese(nfkc).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(simplified.length());
		simplified.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

}
