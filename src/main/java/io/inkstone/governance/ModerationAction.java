package io.inkstone.governance;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a moderation decision does, whatever its source (a report, a reviewer's decision
 * on a held article, a rights holder's notice). Each kind says whether it can be appealed
 * and how a reversed appeal undoes it; the message key of its label is
 * {@code moderation.action.<code>} and of its statement of reasons
 * {@code moderation.sor.<code>}.
 */
public enum ModerationAction {

	NO_ACTION("no-action", Undo.NOTHING), APPROVE("approve", Undo.NOTHING),
	TAKE_DOWN("take-down", Undo.REINSTATE_ARTICLE), LABEL("label", Undo.REMOVE_LABEL),
	HIDE_COMMENT("hide-comment", Undo.RESTORE_COMMENT), RESTRICT_CREATOR("restrict-creator", Undo.LIFT_RESTRICTION),
	REJECT("reject", Undo.PUBLISH_ARTICLE), NEEDS_CHANGES("needs-changes", Undo.NOTHING);

	/**
	 * How a reversal undoes an action: each names the one move that restores what the
	 * action changed.
	 */
	public enum Undo {

		/** Nothing was taken away (no action, approval, a request for changes). */
		NOTHING,
		/** The article goes back to the public (ArticleLifecycle's reinstate). */
		REINSTATE_ARTICLE,
		/**
		 * The rejected article is published (ArticleLifecycle's publish of a rejection).
		 */
		PUBLISH_ARTICLE,
		/** The platform's label comes off the article. */
		REMOVE_LABEL,
		/** The hidden comment is shown again. */
		RESTORE_COMMENT,
		/** The publishing restriction is lifted. */
		LIFT_RESTRICTION

	}

	private final String code;

	private final Undo undo;

	ModerationAction(String code, Undo undo) {
		this.code = code;
		this.undo = undo;
	}

	public String code() {
		return code;
	}

	public Undo undo() {
		return undo;
	}

	/**
	 * Only an action that took something away can be appealed; approvals, no action and a
	 * request for changes (the creator edits and resubmits) cannot.
	 */
	public boolean appealable() {
		return undo != Undo.NOTHING;
	}

	/** Whether the affected account is sent a statement of reasons. */
	public boolean needsStatement() {
		return this != NO_ACTION && this != APPROVE;
	}

	public static Optional<ModerationAction> parse(String code) {
		return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
	}

	static ModerationAction of(Decision decision) {
		return parse(decision.code()).orElseThrow();
	}

}
