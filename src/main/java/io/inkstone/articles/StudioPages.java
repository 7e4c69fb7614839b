package io.inkstone.articles;

import java.util.List;
import java.util.Map;

import io.inkstone.channels.Channel;
import io.inkstone.creators.Creator;
import io.inkstone.web.Ui;

/** Page models of the creator's studio. */
public final class StudioPages {

	private StudioPages() {
	}

	public record Dashboard(Ui ui, List<Channel> nav, Creator creator, List<Stats> articles, long followers) {

		public long total(java.util.function.ToLongFunction<Stats> field) {
			return articles.stream().mapToLong(field).sum();
		}

	}

	/**
	 * {@code /studio} for a signed-in account without a creator profile: why, and what to do. {@code state}: staff,
	 * none (never applied), pending (since {@code since}), rejected (with {@code reason}; {@code attemptsLeft} more
	 * applications allowed), approved (the profile is being set up).
	 */
	public record NotACreator(Ui ui, List<Channel> nav, String state, long since, String reason, int attemptsLeft) {
	}

	/** The version list of an article, and one version compared side by side with the one before it. */
	public record Revisions(Ui ui, List<Channel> nav, long articleId, String title, List<Revision> revisions,
			Revision shown, List<DiffLine> diff) {
	}

	/** One row of a side-by-side diff; the texts are already HTML-escaped with {@code <del>/<ins>} marks. */
	public record DiffLine(String kind, String oldHtml, String newHtml) {
	}

	/** Charts over {@code days} days and the follower list (a null name is an anonymous reader). */
	public record Analytics(Ui ui, List<Channel> nav, Creator creator, int days, List<DailySeries> series,
			List<FollowerRow> followers, long followerCount) {
	}

	public record FollowerRow(String name, long since) {
	}

	public record Deleted(Ui ui, List<Channel> nav, List<StudioRow> articles) {
	}

	/** A studio row with its true counts. */
	public record Stats(StudioRow row, long reads, long shares, long likes, long comments) {
	}

	/** The editor: the values to show, field errors (message keys), and the server-rendered preview. */
	public record Editor(Ui ui, List<Channel> nav, Creator creator, Long articleId, String status, List<Channel> channels,
			EditorForm form, Map<String, String> errors, String previewHtml, Long scheduledAt) {

		public String error(String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		/** The schedule's time passed over a minute ago and the article is still a draft. */
		public boolean missedSchedule() {
			return scheduledAt != null && scheduledAt < System.currentTimeMillis() - StudioRow.MISSED_AFTER_MILLIS;
		}

	}

	public record EditorForm(String title, String body, String channel, String tags, boolean original, String aigc,
			String source, String summary, String cover, String correction) {

		static EditorForm empty(String channel) {
			return new EditorForm("", "", channel, "", true, "none", "", "", "", "");
		}

	}

}
