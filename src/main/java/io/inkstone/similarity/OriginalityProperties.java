package io.inkstone.similarity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.originality.*}: when passages copied from another article make a text a
 * partial copy. Lengths count folded characters (letters and digits; punctuation and
 * spaces do not count).
 *
 * @param minPassage copied characters below this never make a finding, whatever their
 * share: quoting a few lines, with or without attribution, is not copying (a regulated 律诗
 * is 40 characters)
 * @param minShare the share of the new text copied from one article that makes it a
 * partial copy
 * @param longPassage copied characters from one article that make a partial copy whatever
 * their share of a long text
 */
@ConfigurationProperties(prefix = "inkstone.originality")
public record OriginalityProperties(@DefaultValue("50") int minPassage, @DefaultValue("0.2") double minShare,
		@DefaultValue("400") int longPassage) {

	/** Whether this much copied text makes a partial copy. */
	public boolean partialCopy(int copied, double share) {
		return copied >= minPassage && (share >= minShare || copied >= longPassage);
	}

}
