package io.inkstone.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.SiteSettingsChanged;
import io.inkstone.similarity.TextNormalizer;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The sensitive-word screen: an Aho–Corasick automaton over the folded dictionary, run
 * over the folded text (see {@link TextNormalizer}), so one pass finds every listed term
 * however it was written. The dictionary is the configured file until an admin edits the
 * list at {@code /admin/settings}; the automaton is then rebuilt on every node (see
 * {@link SiteSettings}), so the very next article is screened with the new list.
 */
@Component
public class SensitiveWords {

	private record Screen(List<String> terms, Trie trie, int size) {
	}

	private final Resource dictionary;

	private final SiteSettings settings;

	private volatile Screen screen;

	@Autowired
	SensitiveWords(ReviewProperties properties, SiteSettings settings) {
		this.dictionary = properties.dictionary();
		this.settings = settings;
		this.screen = build(currentText());
	}

	SensitiveWords(Resource dictionary) {
		this.dictionary = dictionary;
		this.settings = null;
		this.screen = build(read(dictionary));
	}

	@EventListener
	void on(SiteSettingsChanged changed) {
		if (changed.touches(SiteSettings.SENSITIVE_WORDS)) {
			screen = build(currentText());
		}
	}

	private String currentText() {
		return settings == null ? read(dictionary)
				: settings.value(SiteSettings.SENSITIVE_WORDS).orElseGet(() -> read(dictionary));
	}

	private static String read(Resource dictionary) {
		try {
			return new String(dictionary.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the sensitive-word dictionary " + dictionary, ex);
		}
	}

	private static Screen build(String text) {
		List<String> written = new ArrayList<>();
		Set<String> terms = new LinkedHashSet<>();
		for (String line : text.split("\n")) {
			String term = line.strip();
			if (!term.isEmpty() && !term.startsWith("#")) {
				String folded = TextNormalizer.fold(term);
				if (!folded.isEmpty() && terms.add(folded)) {
					written.add(term);
				}
			}
		}
		return new Screen(List.copyOf(written), Trie.builder().addKeywords(terms).build(), terms.size());
	}

	/**
	 * The dictionary terms found in the text (folded forms), in order of first
	 * appearance.
	 */
	public List<String> find(String text) {
		Set<String> found = new LinkedHashSet<>();
		for (Emit emit : screen.trie().parseText(TextNormalizer.fold(text))) {
			found.add(emit.getKeyword());
		}
		return List.copyOf(found);
	}

	/** The configured dictionary's terms, what the list is before any admin change. */
	public List<String> configuredTerms() {
		return build(read(dictionary)).terms();
	}

	/** The terms in force, as written (comments and repeats left out). */
	public List<String> terms() {
		return screen.terms();
	}

	public int size() {
		return screen.size();
	}

}
