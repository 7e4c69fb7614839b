package io.inkstone.importer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;

/**
 * Slugs for channels an import creates from a name: Chinese in pinyin without tones, ü as
 * v as input methods write it (天文 → {@code tianwen}, 美食 → {@code meishi}, read by word so
 * polyphones come out right), Latin letters and digits lower case, the runs joined by
 * hyphens ({@code AI 前沿} → {@code ai-qianyan}). A slug another channel already has gets a
 * number ({@code tianwen-2}). A name with markup characters, or with nothing to spell,
 * gives none.
 */
final class ChannelSlugs {

	private static final Pattern RUN = Pattern.compile("(\\p{IsHan}+)|([\\p{L}\\p{N}]+)");

	/** What a channel name may not contain to spell a slug (markup, punctuation). */
	private static final Pattern MARKUP = Pattern.compile("[^\\p{L}\\p{N}\\p{M}\\s_·・.-]");

	private static final int MAX = 64;

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private ChannelSlugs() {
	}

	/** The slug a name spells, or null when it spells none. */
	static String of(String name) {
		if (name == null || name.isBlank() || MARKUP.matcher(name).find()) {
			return null;
		}
		StringBuilder slug = new StringBuilder();
		Matcher run = RUN.matcher(name.strip());
		while (run.find()) {
			String part = run.group(1) != null ? pinyin(run.group(1)) : latin(run.group(2));
			if (part.isEmpty()) {
				continue;
			}
			if (!slug.isEmpty()) {
				slug.append('-');
			}
			slug.append(part);
		}
		String result = slug.length() > MAX ? slug.substring(0, MAX).replaceAll("-+$", "") : slug.toString();
		return Channels.isValidSlug(result) ? result : null;
	}

	private static String pinyin(String han) {
		StringBuilder out = new StringBuilder();
		for (Pinyin syllable : HanLP.convertToPinyinList(han)) {
			String plain = syllable.getPinyinWithoutTone();
			if (plain != null && !plain.equals("none")) {
				out.append(plain.toLowerCase(Locale.ROOT).replace("ü", "v"));
			}
		}
		return out.toString().replaceAll("[^a-z0-9]", "");
	}

	private static String latin(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
	}

	/**
	 * The channel of that name, else a new one with the slug the name spells (numbered
	 * when another channel has it); empty when the name spells no slug.
	 */
	static Optional<Channel> ensureByName(Channels channels, String name) {
		Optional<Channel> existing = channels.findBySlugOrName(name);
		if (existing.isPresent()) {
			return existing;
		}
		String base = of(name);
		if (base == null) {
			return Optional.empty();
		}
		if (!HAN.matcher(name).find()) {
			// a Latin name is its slug written otherwise (Military → military)
			Optional<Channel> bySlug = channels.find(base);
			if (bySlug.isPresent()) {
				return bySlug;
			}
		}
		return Optional.of(channels.ensureNamed(free(channels, base, name.strip()), name.strip()));
	}

	/**
	 * The slug itself when no channel has it or the channel that has it bears this name,
	 * else the first free {@code slug-2}, {@code slug-3} …
	 */
	static String free(Channels channels, String base, String name) {
		String candidate = base;
		for (int n = 2; n < 1000; n++) {
			Optional<Channel> holder = channels.find(candidate);
			if (holder.isEmpty() || holder.get().name().equals(name)) {
				return candidate;
			}
			String suffix = "-" + n;
			candidate = (base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base)
					+ suffix;
		}
		return candidate;
	}

}
