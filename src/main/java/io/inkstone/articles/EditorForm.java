package io.inkstone.articles;

import jakarta.validation.constraints.Size;

/**
 * What a creator submits for an article, as typed (the studio's editor, the API's JSON):
 * checked and turned into a {@link Draft} by {@link DraftRules}. The simple length rules
 * are declared here (Bean Validation, so the studio binds the form with {@code @Valid});
 * {@link DraftRules#validate} applies them too, with the rules that need more than one
 * field or a lookup, so the API and the studio check the same things. A message is the
 * bundle key the page shows. A field the request left out is empty ({@code aigc}: none),
 * as the editor's own defaults.
 */
public record EditorForm(String title, @Size(max = DraftRules.MAX_BODY, message = "studio.error.body") String body,
		String channel, String tags, boolean original, String aigc,
		@Size(max = DraftRules.MAX_SOURCE, message = "studio.error.sourceLength") String source, String summary,
		String cover, String correction) {

	public EditorForm {
		title = title == null ? "" : title;
		body = body == null ? "" : body;
		channel = channel == null ? "" : channel;
		tags = tags == null ? "" : tags;
		aigc = aigc == null ? "none" : aigc;
		source = source == null ? "" : source;
		summary = summary == null ? "" : summary;
		cover = cover == null ? "" : cover;
		correction = correction == null ? "" : correction;
	}

	public static EditorForm empty(String channel) {
		return new EditorForm("", "", channel, "", true, "none", "", "", "", "");
	}

}
