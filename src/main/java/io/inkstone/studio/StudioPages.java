package io.inkstone.studio;

import java.time.ZoneId;

import io.inkstone.shared.PlatformDays;

import java.util.List;
import java.util.Map;

import io.inkstone.articles.EditorForm;
import io.inkstone.articles.Revision;
import io.inkstone.articles.StudioRow;
import io.inkstone.channels.Channel;
import io.inkstone.creators.Creator;
import io.inkstone.engagement.ReadSource;
import io.inkstone.engagement.ReferrerHost;
import io.inkstone.web.Ui;
import io.inkstone.media.MediaItem;
import java.util.function.ToLongFunction;

/** Page models of the creator's studio. */
public final class StudioPages {

	private StudioPages() {
	}

	/**
	 * The studio's home: every article with its state, the {@code tab} shown (a state or
	 * {@code all}), the count per tab, and {@code flash}, the message key of what the
	 * last action did (or null).
	 */
	public record Dashboard(Creator creator, List<Stats> articles, long followers, String tab, Map<String, Long> counts,
			String flash) {

		/** The totals count what readers can see: articles in the 回收站 do not count. */
		public long total(ToLongFunction<Stats> field) {
			return articles.stream().filter(s -> !"trash".equals(s.state())).mapToLong(field).sum();
		}

		/** The articles of the tab shown; {@code all} is everything but the 回收站. */
		public List<Stats> shown() {
			return articles.stream()
				.filter(s -> "all".equals(tab) ? !"trash".equals(s.state()) : tab.equals(s.state()))
				.toList();
		}

		public long count(String state) {
			return counts.getOrDefault(state, 0L);
		}

	}

	/**
	 * The tabs of the studio list, in order; {@code rejected} shows only when there is
	 * one.
	 */
	public static final List<String> TABS = List.of("all", "draft", "scheduled", "pending", "changes", "published",
			"rejected", "removed", "trash");

	/** Asks before an article goes to the 回收站. */
	public record DeleteConfirm(long articleId, String title, String state) {
	}

	/**
	 * {@code /studio} for a signed-in account without a creator profile: why, and what to
	 * do. {@code state}: staff, none (never applied), pending (since {@code since}),
	 * rejected (with {@code reason}; {@code attemptsLeft} more applications allowed),
	 * approved (the profile is being set up).
	 */
	public record NotACreator(String state, long since, String reason, int attemptsLeft) {
	}

	/**
	 * The version list of an article, and one version compared side by side with the one
	 * before it.
	 */
	public record Revisions(long articleId, String title, List<Revision> revisions, Revision shown,
			List<DiffLine> diff) {
	}

	/**
	 * One row of a side-by-side diff; the texts are already HTML-escaped with
	 * {@code <del>/<ins>} marks.
	 */
	public record DiffLine(String kind, String oldHtml, String newHtml) {
	}

	/**
	 * Charts over {@code days} days and the follower list (a null name is an anonymous
	 * reader).
	 */
	/**
	 * {@code /studio/analytics}: the creator's totals per day, where readers came from,
	 * each article's totals with a link to its trend, and the followers.
	 */
	public record Analytics(Creator creator, int days, List<DailySeries> series, List<FollowerRow> followers,
			long followerCount, List<SourceRow> sources, List<ReferrerHost> referrers, List<Stats> articles,
			String zone) {
	}

	/**
	 * {@code /studio/analytics/articles/{id}}: one article's reads, shares, likes and
	 * comments per day and where its readers came from; {@code own} when the viewer is
	 * its creator (staff see it too).
	 */
	public record ArticleAnalytics(long id, String title, String state, boolean own, int days, List<DailySeries> series,
			List<SourceRow> sources, List<ReferrerHost> referrers, String zone) {
	}

	/** Reads from one kind of source and their share of all reads, in whole percent. */
	public record SourceRow(String key, long reads, int percent) {

		static List<SourceRow> of(Map<ReadSource, Long> reads) {
			long total = reads.values().stream().mapToLong(Long::longValue).sum();
			return reads.entrySet()
				.stream()
				.map(e -> new SourceRow(e.getKey().key(), e.getValue(),
						total == 0 ? 0 : (int) Math.round(100.0 * e.getValue() / total)))
				.toList();
		}

	}

	public record FollowerRow(String name, long since) {
	}

	public record Deleted(List<StudioRow> articles) {
	}

	/**
	 * A studio row with its true counts and what a creator must know about it:
	 * {@code state} (draft, scheduled, pending, changes, published, rejected, removed,
	 * trash), {@code note} (the reviewer's note for changes and rejected, the reason of a
	 * takedown), {@code findings} (why a held article waits: finding kinds) and
	 * {@code appeal} (the path to appeal a takedown, or null).
	 */
	public record Stats(StudioRow row, long reads, long shares, long likes, long comments, String state, String note,
			List<String> findings, String appeal) {

		public Stats(StudioRow row, long reads, long shares, long likes, long comments) {
			this(row, reads, shares, likes, comments, row.state(), null, List.of(), null);
		}

	}

	/**
	 * The editor: the values to show, field errors (message keys), and the
	 * server-rendered preview.
	 */
	public record Editor(Creator creator, Long articleId, String status, List<Channel> channels, EditorForm form,
			Map<String, String> errors, String previewHtml, Long scheduledAt, String state, String note,
			List<String> findings, String flash, List<MediaItem> library, long updatedAt, boolean resubmit,
			String submissionKey) {

		/**
		 * Characters of Chinese text plus words of other scripts, as Chinese editors
		 * count (the script keeps it live).
		 */
		public int wordCount() {
			return wordCount(form.body());
		}

		public static int wordCount(String text) {
			int count = 0;
			boolean inWord = false;
			for (int i = 0; i < text.length();) {
				int c = text.codePointAt(i);
				i += Character.charCount(c);
				if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
					count++;
					inWord = false;
				}
				else if (Character.isLetterOrDigit(c)) {
					if (!inWord) {
						count++;
					}
					inWord = true;
				}
				else {
					inWord = false;
				}
			}
			return count;
		}

		/**
		 * The current cover when it is not (or no longer) in the library, so the picker
		 * still shows and posts it.
		 */
		public boolean coverOutsideLibrary() {
			return !form.cover().isBlank() && library.stream().noneMatch(m -> m.url().equals(form.cover()));
		}

		/** A published article is updated in place; it has no schedule path. */
		public boolean published() {
			return "published".equals(status);
		}

		/**
		 * Only a draft can be scheduled; one staff held or sent back (and a rejected
		 * article) is submitted for review instead ({@code resubmit}).
		 */
		public boolean schedulable() {
			return "draft".equals(status) && !resubmit;
		}

		/**
		 * The schedule field's label, naming the site's time zone the time is read in
		 * (北京时间 for Asia/Shanghai).
		 */
		public String publishAtLabel(Ui ui) {
			ZoneId zone = PlatformDays.zone();
			return "Asia/Shanghai".equals(zone.getId()) ? ui.t("studio.publishAt")
					: ui.t("studio.publishAtZone", zone.getId());
		}

		/** The site's time zone, for times the editor's script writes. */
		public String zoneId() {
			return PlatformDays.zone().getId();
		}

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		/**
		 * The schedule's time passed over a minute ago and the article is still a draft.
		 */
		public boolean missedSchedule() {
			return scheduledAt != null && scheduledAt < System.currentTimeMillis() - StudioRow.MISSED_AFTER_MILLIS;
		}

	}

}
