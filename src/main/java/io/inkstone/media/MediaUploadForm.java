package io.inkstone.media;

/**
 * The library's upload form as posted, beside its file: the alt text and whether the
 * creator declares the image AI-generated. What an upload must be is
 * {@link Media#upload(long, byte[], String, boolean)}'s rule, which the API shares.
 */
record MediaUploadForm(String alt, String ai) {

	MediaUploadForm {
		alt = alt == null ? "" : alt;
	}

	boolean declaredAi() {
		return ai != null;
	}

}
