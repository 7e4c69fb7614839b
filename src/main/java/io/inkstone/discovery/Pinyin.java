package io.inkstone.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;

/**
 * Pinyin search keys (HanLP portable's converter, which reads polyphones by word: 重庆 →
 * chongqing). A title or name is indexed under each syllable, each run of Han characters
 * joined (静夜思 → jingyesi) and its initials (jys), so a reader typing pinyin without
 * tones, with or without spaces, or just initials, finds it.
 */
final class Pinyin {

	private static final Pattern NOT_HAN = Pattern.compile("[^\\p{IsHan}]+");

	private static final Pattern PINYIN_QUERY = Pattern.compile("[A-Za-z]+(?:[\\s']+[A-Za-z]+)*");

	private Pinyin() {
	}

	static Set<String> keys(String text) {
		Set<String> keys = new LinkedHashSet<>();
		if (text == null) {
			return keys;
		}
		for (String run : NOT_HAN.split(text)) {
			if (run.isEmpty()) {
				continue;
			}
			StringBuilder joined = new StringBuilder();
			StringBuilder initials = new StringBuilder();
			for (com.hankcs.hanlp.dictionary.py.Pinyin syllable : HanLP.convertToPinyinList(run)) {
				String plain = syllable.getPinyinWithoutTone();
				if (plain == null || plain.equals("none")) {
					continue;
				}
				keys.add(plain);
				joined.append(plain);
				initials.append(plain.charAt(0));
			}
			if (initials.length() > 1) {
				keys.add(joined.toString());
				keys.add(initials.toString());
			}
		}
		return keys;
	}

	/**
	 * The syllables or words of a query written in Latin letters only ("jing ye si",
	 * "jingyesi", "jys"); empty when the query is not one (it has Han characters, digits
	 * or other signs) or is a single letter.
	 */
	static List<String> queryParts(String query) {
		String trimmed = query == null ? "" : query.strip();
		if (trimmed.length() < 2 || trimmed.length() > 60 || !PINYIN_QUERY.matcher(trimmed).matches()) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (String part : trimmed.toLowerCase(Locale.ROOT).split("[\\s']+")) {
			parts.add(part);
		}
		return parts;
	}

}
