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

	/**
	 * Creator names of Han characters by their toneless pinyin: the homophones a pinyin
	 * input method offers in place of the name meant (李百 for 李白).
	 */
	private final Map<String, Set<String>> namesByPinyin;

	/** Longest name compared character by character with what was typed. */
	private static final int NAME_MAX = 12;

	private Spelling(SpellChecker characters, SpellChecker pinyin, Map<String, Integer> counts,
			Set<String> creatorNames, NavigableMap<String, String> byPinyin, Map<String, Set<String>> namesByPinyin) {
		this.characters = characters;
		this.pinyin = pinyin;
		this.counts = counts;
		this.creatorNames = creatorNames;
		this.byPinyin = byPinyin;
		this.namesByPinyin = namesByPinyin;
	}

	/**
	 * @param entries creator names (payload "creator") then titles, as the suggester
	 * reads them
	 */
	static Spelling build(Path folder, InputIterator entries) throws IOException {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		Set<String> creatorNames = ConcurrentHashMap.newKeySet();
		Map<String, Set<String>> namesByPinyin = new ConcurrentHashMap<>();
		for (BytesRef next = entries.next(); next != null; next = entries.next()) {
			String entry = next.utf8ToString().strip();
			boolean creator = entries.hasPayloads() && "creator".equals(entries.payload().utf8ToString());
			if (creator) {
				creatorNames.add(entry);
				indexName(namesByPinyin, entry);
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
		return new Spelling(characters, pinyin, counts, creatorNames, byPinyin, namesByPinyin);
	}

	private static void indexName(Map<String, Set<String>> namesByPinyin, String name) {
		if (HAN_ONLY.matcher(name).matches() && name.length() <= NAME_MAX) {
			namesByPinyin.computeIfAbsent(pinyinOf(name), k -> ConcurrentHashMap.newKeySet()).add(name);
		}
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
			indexName(namesByPinyin, name.strip());
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
			if (counts.containsKey(typed) || creatorNames.contains(query.strip())) {
				return List.of();
			}
			List<String> found = new ArrayList<>(namesMeant(typed));
			if (typed.length() >= 3) {
				for (String near : closest(characters, typed, size, 0.5f)) {
					if (!found.contains(near)) {
						found.add(near);
					}
				}
			}
			return found.stream().limit(size).toList();
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	/**
	 * Creator names the reader may have meant by a name of Han characters with one
	 * character wrong: names that sound the same (李百 → 李白, the pinyin input method's
	 * slip) first, then names of the same length that differ in one character — for a
	 * name of two characters only when a single name does (李自 could be any 李 otherwise).
	 */
	List<String> namesMeant(String typed) {
		if (!HAN_ONLY.matcher(typed).matches() || typed.length() > NAME_MAX) {
			return List.of();
		}
		List<String> found = new ArrayList<>();
		for (String name : namesByPinyin.getOrDefault(pinyinOf(typed), Set.of())) {
			if (!name.equals(typed) && name.length() == typed.length()) {
				found.add(name);
			}
		}
		found.sort(Comparator.comparingInt((String e) -> -counts.getOrDefault(e, 0)).thenComparing(e -> e));
		List<String> oneOff = new ArrayList<>();
		for (String name : creatorNames) {
			if (name.length() == typed.length() && !found.contains(name) && oneCharacterApart(name, typed)) {
				oneOff.add(name);
			}
		}
		if (typed.length() >= 3 || oneOff.size() == 1) {
			oneOff.sort(Comparator.comparingInt((String e) -> -counts.getOrDefault(e, 0)).thenComparing(e -> e));
			found.addAll(oneOff);
		}
		return found;
	}

	private static boolean oneCharacterApart(String a, String b) {
		int differences = 0;
		for (int i = 0; i < a.length() && differences < 2; i++) {
			if (a.charAt(i) != b.charAt(i)) {
				differences++;
			}
		}
		return differences == 1;
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
