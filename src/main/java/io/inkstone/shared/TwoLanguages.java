package io.inkstone.shared;

/**
 * Text written once in each of the platform's languages, Chinese then English, as its
 * mails and statements of reasons are: one separator joins the two, and everything that
 * shows a reader their language splits on it.
 */
public final class TwoLanguages {

	/** Between the Chinese and the English text. */
	public static final String SEPARATOR = "\n\n——\n\n";

	private TwoLanguages() {
	}

}
