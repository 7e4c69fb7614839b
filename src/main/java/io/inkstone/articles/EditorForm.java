package io.inkstone.articles;

/**
 * What a creator submits for an article, as typed (the studio's editor, the API's JSON): checked and turned into a
 * {@link Draft} by {@link DraftRules}.
 */
public record EditorForm(String title, String body, String channel, String tags, boolean original, String aigc,
		String source, String summary, String cover, String correction) {

	public static EditorForm empty(String channel) {
		return new EditorForm("", "", channel, "", true, "none", "", "", "", "");
	}

}
