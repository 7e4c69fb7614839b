package io.inkstone.discovery;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;

import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.search.spell.SpellChecker;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * 你是不是要找: the entries a reader may have meant — whole titles, their parts (双调・湘妃怨 → 湘妃怨;
 * split at ·, ・ and spaces) and creator names — looked up by edit distance over their
 * characters (lucene-suggest's n-gram {@link SpellChecker} with Levenshtein distance: 静夜丝
 * → 静夜思) and over their toneless pinyin (qinyuanchn → 沁园春). Among equally close entries
 * the one most titles share wins. Built with the suggestions, in the background.
 */
final class Spelling implements Closeable {

	private static final Pattern SEPARATORS = Pattern.compile("[·・\\s]+");

	private static final Pattern HAN_ONLY = Pattern.compile("\\p{IsHan}{2,}");

	private final SpellChecker characters;

	private final SpellChecker pinyin;

	private final Map<String, Integer> counts;

	private final Set<String> creatorNames;

	private final NavigableMap<String, String> byPinyin;

	private Spelling(SpellChecker characters, SpellChecker pinyin, Map<String, Integer> counts,
			Set<String> creatorNames, NavigableMap<String, String> byPinyin) {
		this.characters = characters;
		this.pinyin = pinyin;
		this.counts = counts;
		this.creatorNames = creatorNames;
		this.byPinyin = byPinyin;
	}

	/**
	 * @param entries creator names (payload "creator") then titles, as the suggester
	 * reads them
	 */
	static Spelling build(Path folder, InputIterator entries) throws IOException {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		Set<String> creatorNames = ConcurrentHashMap.newKeySet();
		for (BytesRef next = entries.next(); next != null; next = entries.next()) {
			String entry = next.utf8ToString().strip();
			boolean creator = entries.hasPayloads() && "creator".equals(entries.payload().utf8ToString());
			if (creator) {
				creatorNames.add(entry);
			}
			for (String key : keys(entry)) {
				counts.merge(key, 1, Integer::sum);
			}
		}
		NavigableMap<String, String> byPinyin = new ConcurrentSkipListMap<>();
		for (Map.Entry<String, Integer> e : counts.entrySet()) {
			if (HAN_ONLY.matcher(e.getKey()).matches()) {
				String spelled = pinyinOf(e.getKey());
				String known = byPinyin.get(spelled);
				if (known == null || counts.get(known) < e.getValue()) {
					byPinyin.put(spelled, e.getKey());
				}
			}
		}
		SpellChecker characters = new SpellChecker(FSDirectory.open(folder.resolve("characters")),
				new LevenshteinDistance());
		characters.indexDictionary(() -> words(counts.keySet().iterator()), new IndexWriterConfig(), true);
		SpellChecker pinyin = new SpellChecker(FSDirectory.open(folder.resolve("pinyin")), new LevenshteinDistance());
		pinyin.indexDictionary(() -> words(byPinyin.keySet().iterator()), new IndexWriterConfig(), true);
		return new Spelling(characters, pinyin, counts, creatorNames, byPinyin);
	}

	/**
	 * A newly published title or a new creator's name, suggestible at once (the hourly
	 * rebuild also drops old ones).
	 */
	void add(String entry, boolean creator) throws IOException {
		add(creator ? List.of() : List.of(entry), creator ? List.of(entry) : List.of());
	}

	/** A batch of titles and names: one write per spell index, however many entries. */
	synchronized void add(List<String> titles, List<String> names) throws IOException {
		List<String> entries = new ArrayList<>(titles);
		for (String name : names) {
			creatorNames.add(name.strip());
			entries.add(name);
		}
		List<String> fresh = new ArrayList<>();
		List<String> freshPinyin = new ArrayList<>();
		for (String key : entries.stream().map(String::strip).flatMap(e -> keys(e).stream()).toList()) {
			if (counts.merge(key, 1, Integer::sum) == 1) {
				fresh.add(key);
				if (HAN_ONLY.matcher(key).matches()) {
					String spelled = pinyinOf(key);
					if (byPinyin.putIfAbsent(spelled, key) == null) {
						freshPinyin.add(spelled);
					}
				}
			}
		}
		if (!fresh.isEmpty()) {
			characters.indexDictionary(() -> words(fresh.iterator()), new IndexWriterConfig(), false);
		}
		if (!freshPinyin.isEmpty()) {
			pinyin.indexDictionary(() -> words(freshPinyin.iterator()), new IndexWriterConfig(), false);
		}
	}

	/** The whole entry (up to 30 characters) and its parts of two characters or more. */
	static List<String> keys(String entry) {
		List<String> keys = new ArrayList<>();
		if (entry.length() >= 2 && entry.length() <= 30) {
			keys.add(entry);
		}
		String[] parts = SEPARATORS.split(entry);
		if (parts.length > 1) {
			for (String part : parts) {
				if (part.length() >= 2 && part.length() <= 30 && !keys.contains(part)) {
					keys.add(part);
				}
			}
		}
		return keys;
	}

	static String pinyinOf(String han) {
		StringBuilder out = new StringBuilder();
		for (com.hankcs.hanlp.dictionary.py.Pinyin syllable : HanLP.convertToPinyinList(han)) {
			String plain = syllable.getPinyinWithoutTone();
			if (plain != null && !plain.equals("none")) {
				out.append(plain);
			}
		}
		return out.toString();
	}

	private static InputIterator words(Iterator<String> words) {
		return new InputIterator.InputIteratorWrapper(() -> words.hasNext() ? new BytesRef(words.next()) : null);
	}

	String kind(String entry) {
		return creatorNames.contains(entry) ? "creator" : "title";
	}

	/**
	 * Entries whose pinyin starts with the pinyin typed ("qinyuan" → 沁园春), the most
	 * common first.
	 */
	List<String> pinyinPrefix(String query, int size) {
		List<String> parts = Pinyin.queryParts(query);
		if (parts.isEmpty()) {
			return List.of();
		}
		String typed = String.join("", parts);
		List<String> found = new ArrayList<>(
				byPinyin.subMap(typed, true, typed + Character.MAX_VALUE, false).values().stream().limit(200).toList());
		found.sort(Comparator.comparingInt((String e) -> -counts.getOrDefault(e, 0)));
		return found.stream().limit(size).toList();
	}

	List<String> didYouMean(String query, int size) {
		try {
			List<String> parts = Pinyin.queryParts(query);
			if (!parts.isEmpty()) {
				String typed = String.join("", parts);
				if (typed.length() < 4) {
					return List.of();
				}
				List<String> found = new ArrayList<>();
				String exact = byPinyin.get(typed);
				if (exact != null) {
					found.add(exact);
				}
				for (String near : closest(pinyin, typed, size, 0.75f)) {
					String entry = byPinyin.get(near);
					if (entry != null && !found.contains(entry)) {
						found.add(entry);
					}
				}
				return found.stream().limit(size).toList();
			}
			StringBuilder folded = new StringBuilder();
			query.chars().forEach(c -> folded.append(FoldingCharFilter.fold((char) c)));
			String typed = folded.toString();
			if (typed.length() < 3 || counts.containsKey(typed)) {
				return List.of();
			}
			return closest(characters, typed, size, 0.5f);
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	/**
	 * The nearest entries by edit distance, ties broken by how many titles share the
	 * entry.
	 */
	private List<String> closest(SpellChecker checker, String typed, int size, float accuracy) throws IOException {
		LevenshteinDistance distance = new LevenshteinDistance();
		List<String> near = new ArrayList<>(List.of(checker.suggestSimilar(typed, Math.max(10, size * 3), accuracy)));
		near.sort(Comparator.comparingDouble((String s) -> -distance.getDistance(typed, s))
			.thenComparingInt(s -> -counts.getOrDefault(s, counts.getOrDefault(byPinyin.getOrDefault(s, ""), 0))));
		return near.stream().limit(size).toList();
	}

	@Override
	public void close() throws IOException {
		characters.close();
		pinyin.close();
	}

}
