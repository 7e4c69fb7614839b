package io.inkstone.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.inkstone.similarity.TextNormalizer;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The sensitive-word screen: an Aho–Corasick automaton over the folded dictionary, run
 * over the folded text (see {@link TextNormalizer}), so one pass finds every listed term
 * however it was written.
 */
@Component
public class SensitiveWords {

	private final Trie trie;

	private final int size;

	@Autowired
	SensitiveWords(ReviewProperties properties) {
		this(properties.dictionary());
	}

	SensitiveWords(Resource dictionary) {
		Set<String> terms = new LinkedHashSet<>();
		try {
			for (String line : new String(dictionary.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
				.split("\n")) {
				String term = line.strip();
				if (!term.isEmpty() && !term.startsWith("#")) {
					String folded = TextNormalizer.fold(term);
					if (!folded.isEmpty()) {
						terms.add(folded);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the sensitive-word dictionary " + dictionary, ex);
		}
		this.trie = Trie.builder().addKeywords(terms).build();
		this.size = terms.size();
	}

	/**
	 * The dictionary terms found in the text (folded forms), in order of first
	 * appearance.
	 */
	public List<String> find(String text) {
		Set<String> found = new LinkedHashSet<>();
		for (Emit emit : trie.parseText(TextNormalizer.fold(text))) {
			found.add(emit.getKeyword());
		}
		return List.copyOf(found);
	}

	public int size() {
		return size;
	}

}
