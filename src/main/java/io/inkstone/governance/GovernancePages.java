package io.inkstone.governance;

import java.util.List;
import java.util.Map;

import io.inkstone.articles.Article;
import io.inkstone.web.Ui;
import java.util.Arrays;
import java.util.Objects;

/** Page models of the governance module. */
public final class GovernancePages {

	private GovernancePages() {
	}

	/**
	 * The report form: what is reported (a title to show), the values typed, field errors
	 * (message keys).
	 */
	public record ReportForm(String targetType, long targetId, String targetTitle, String reason, String detail,
			String evidence, Map<String, String> errors) {

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		public List<String> reasons() {
			return Arrays.stream(ReportReason.values()).map(ReportReason::code).toList();
		}

	}

	/** The rights holder's notice form (notice-and-takedown). */
	public record CopyrightForm(long articleId, String articleTitle, Map<String, String> values,
			Map<String, String> errors) {

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		public String value(String field) {
			return values.getOrDefault(field, "");
		}

	}

	public record ReportStatus(Report report, boolean justFiled) {
	}

	public record MyReports(List<Report> reports) {
	}

	/** The reviewers' queue: open reports (optionally one reason) and open appeals. */
	public record Queue(List<Report> open, List<ModerationDecision> appeals, String reason, Done done,
			Map<Long, String> subjects, long now) {

		/** What a report is about, in words: the article's title and its creator. */
		public String subject(Report r) {
			return subjects.getOrDefault(r.id(), "");
		}

		public String waited(Ui ui, long since) {
			return ui.waited(now, since);
		}

		public List<String> reasons() {
			return Arrays.stream(ReportReason.values()).map(ReportReason::code).toList();
		}

	}

	/**
	 * What the last decision did, for the confirmation above the queue: the case's
	 * reference and the action's or outcome's code.
	 */
	public record Done(String ref, String outcome) {
	}

	/**
	 * One report for a reviewer: the reported item (an article as readers see it, with
	 * its state; a comment's or creator's text), the decision form and the numbered
	 * articles of the 平台公约 to apply.
	 */
	public record ReportDetail(Report report, String itemTitle, String itemText, String itemHtml, String itemState,
			String error, List<String> decisions, List<String> ruleArticles, Statements statements, Posted posted) {
	}

	/**
	 * A decision form as posted (field → value) and its field errors (field → message
	 * key); {@link #NONE} on a new form. The page's {@code error} says every refusal
	 * above the form.
	 */
	public record Posted(Map<String, String> values, Map<String, String> errors) {

		public static final Posted NONE = new Posted(Map.of(), Map.of());

		public String value(String field) {
			return values.getOrDefault(field, "");
		}

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

	/**
	 * The statement-of-reasons fields of a decision form: each choice's template per
	 * language (only choices that send a statement), the choice posted and the wording as
	 * posted (on a refused form), so each field shows what the reviewer will send.
	 */
	public record Statements(Map<String, ModerationDecisions.Wording> templates, String chosen, String zh, String en) {

		public String template(String choice, String language) {
			ModerationDecisions.Wording w = templates.get(choice);
			return w == null ? "" : w.of(language);
		}

		public boolean checked(String choice) {
			return choice.equals(chosen);
		}

		/**
		 * What a field shows: the wording as posted, else the chosen action's template.
		 */
		public String field(String language) {
			String posted = "en".equals(language) ? en : zh;
			return posted != null && !posted.isBlank() ? posted : chosen == null ? "" : template(chosen, language);
		}

	}

	/**
	 * The affected account's page of one decision: the statement of reasons, and the
	 * appeal form while it may appeal (with the text as posted and its error on a refused
	 * form), or the appeal's state; {@code error} is a refusal not about the text.
	 */
	public record Appeal(ModerationDecision decision, String subject, String error, String text, String textError) {

		public Appeal(ModerationDecision decision, String subject) {
			this(decision, subject, null, "", null);
		}

	}

	/** {@code /admin/appeals}: every open appeal, oldest first, whatever its source. */
	public record AppealQueue(List<ModerationDecision> appeals, Done done) {
	}

	/**
	 * One appeal for staff: the decision, the subject as stored, the appeal, and whether
	 * this staff member may decide it (not the decider); on a refused form the outcome
	 * and note as posted, field errors (message keys) and a refusal about neither.
	 */
	public record AppealReview(ModerationDecision decision, String subject, String subjectText, boolean mayDecide,
			String error, String outcome, String note, Map<String, String> errors) {

		/** A field's error (the outcome's or the note's), or null. */
		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

	public record Transparency(TransparencyReport report) {
	}

	/** A held article with its findings and its creator's name. */
	public record Held(Article article, List<Finding> findings, String creator) {
	}

	/** A matched article beside the reviewed one, shared passages marked in both. */
	public record SideBySide(Finding finding, Article other, String reviewedHtml, String otherHtml) {
	}

	public record QueuePage(List<Held> held, String kind, List<ModerationDecision> appeals, Done done, long now) {

		/** How long an article has waited since it was submitted (its last update). */
		public String waited(Ui ui, long since) {
			return ui.waited(now, since);
		}

	}

	public record DetailPage(Held held, List<SideBySide> matches, String error, List<String> reasonCodes,
			List<String> ruleArticles, Statements statements, Posted posted) {
	}

	public record CreditPage(int score, List<CreatorCredit.Entry> history, List<ArticleReviews.Decided> reviews,
			List<ModerationDecision> decisions) {
	}

	/**
	 * One queue on the staff's start page: how many wait, and since when the oldest
	 * ({@code null} when none).
	 */
	public record HubQueue(String kind, String href, int count, Long oldestSince) {
	}

	/**
	 * {@code /admin}: the queues with their counts and oldest waiting time; {@code now}
	 * to say how long.
	 */
	public record Hub(List<HubQueue> queues, long now) {

		/** The oldest waiting item of all queues, or null when nothing waits. */
		public Long oldest() {
			return queues.stream().map(HubQueue::oldestSince).filter(Objects::nonNull).min(Long::compare).orElse(null);
		}

		/**
		 * A waiting time as people say it: minutes under an hour, hours under two days,
		 * then days.
		 */
		public String waited(Ui ui, long since) {
			return ui.waited(now, since);
		}

	}

	/** One row of 机审记录: the article, its creator's name, its findings in words. */
	public record MachineRow(Article article, String creator, List<Finding> findings, long at,
			Map<Long, String> matched) {
	}

	public record MachinePage(String kind, List<String> kinds, List<MachineRow> rows, List<String> reasons, String done,
			String ref, String error, Long errorArticle, List<String> ruleArticles, Posted posted) {

		/** What the take-down form of one article shows: as posted on its refused row. */
		public Posted postedFor(long articleId) {
			return errorArticle != null && errorArticle == articleId ? posted : Posted.NONE;
		}

	}

}
